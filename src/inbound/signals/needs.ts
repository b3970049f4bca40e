// Needs and goals: "we're hiring a senior designer", "she is looking for a new
// role", "raising a seed round", "struggling to hire in Berlin".
import type { Detection, SentenceContext } from "./detection.ts";
import { describedDetections } from "./described.ts";

const NEEDS: RegExp[] = [
  // "hiring", but not "our last hiring round" nor "help with hiring".
  /(?<!#|\b(?:with|for|of|in|on|about|our|the|their|his|her|your|my|last|first|at|to|from|by|no|stopped|paused|after|before)\s+)\bhiring\b(?!\s+(?:round|plan|process|manager|committee|freeze|pipeline|budget|page|post))/giu,
  /\b(?:struggling|trying|looking|hoping|desperate|scrambling|working)\s+to\s+(?:hire|find|raise|recruit|break\s+into|get\s+into|move\s+into|land|sell\s+to|get\s+(?:intros?|introductions|funding|customers|investors))\b/giu,
  /\blooking\s+for\s+(?!(?:the|your|my|his|her|their|our|it|that|this|you|him|them|me|us|a\s+(?:time|slot|date|room)|time|feedback\s+on\s+(?:my|our)|ward)\b)/giu,
  /\b(?:fund-?raising|raising\s+(?:an?\s+|the\s+)?(?:money|funds?|capital|[$€£]|\d|seed|pre-?seed|series|round|angel|bridge|(?:her|his|their|our)\s+(?:first|second|next|new|pre-?seed|seed|series|round|fund|bridge|a\b)))/giu,
  /\b(?:is|are|'s|'re|currently|actively|still|now)\s+raising\b(?=\s*(?:[,.;!?]|$|\s+(?:and|but|so|now|again|right)\b))/giu,
  /\bneeds?\s+(?:(?:some|more)\s+)?(?:help|advice|intros?|introductions?|someone|somebody|funding|money|capital|customers|investors|to\s+(?:find|hire|raise|get|meet))\b/giu,
  // "needs a good immigration lawyer", but not "need a time that works".
  /\bneeds?\s+(?:an?|new|good|great|better|senior|another)\s+(?!(?:time|call|minute|sec|second|moment|date|reply|decision|answer|break\s+from\s+email)\b)/giu,
  /\bwants?\s+(?:an?\s+|some\s+)?(?:intros?|introductions?|help|advice)\b|\bwants?\s+to\s+(?:move|get\s+into|break|transition|find|hire|raise|switch|start|launch|learn|connect\s+with|expand|grow|enter|scale|partner\s+with)\b/giu,
  /\blooking\s+to\s+(?:hire|raise|find|move|get\s+into|break\s+into|join|sell|expand|partner|connect\s+with|meet)\b|\binterviewing\s+(?:at|for|with|around)\b/giu,
  /\b(?:job[\s-]?hunting|job[\s-]?searching|on\s+the\s+job\s+market|open\s+to\s+new\s+(?:roles|opportunities|jobs)|between\s+jobs|exploring\s+(?:new\s+)?(?:roles|opportunities))\b/giu,
  /\b(?:could\s+use|would\s+love)\s+(?:some\s+|an?\s+)?(?:help|advice|intros?|introductions?|mentor|mentoring)\b/giu,
  /\b(?:struggling\s+with|seeking|in\s+the\s+market\s+for|on\s+the\s+lookout\s+for)\b/giu,
  // "they need two more AEs", but not "need two more days".
  /\bneeds?\s+(?:\d+|two|three|four|five|six|ten|a\s+few|a\s+couple(?:\s+of)?|several)\s+(?:more\s+|new\s+|good\s+|senior\s+)?(?!(?:days?|weeks?|months?|hours?|minutes?|mins?|more|things|questions|slides|pages|slots|seats|tickets|copies|signatures)\b)\p{L}/giu,
  /\bfocus(?:ed|ing|sed|sing)?\s+on\s+(?:hiring|recruiting|raising|fund-?raising|finding\s+(?:an?\s+)?(?:new\s+)?(?:job|role|cofounder|co-founder|investors?|customers?))\b/giu,
];

export function detectNeeds(ctx: SentenceContext): Detection[] {
  return describedDetections(ctx, "need", NEEDS);
}
