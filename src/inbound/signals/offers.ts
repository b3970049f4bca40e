// What a person can give: expertise ("he knows pricing inside out") and offers
// ("happy to make intros to climate investors").
import type { Detection, SentenceContext } from "./detection.ts";
import { describedDetections } from "./described.ts";
import { clauseEnd, clauseStart, shortText } from "./clauses.ts";

const OFFERS: RegExp[] = [
  /\bknows?\s+(?:[\p{L}\p{N}$&'.-]+\s+){1,6}?(?:inside\s+out|inside\s+and\s+out|really\s+well|very\s+well|extremely\s+well|like\s+the\s+back\s+of)/giu,
  /\bknows?\s+(?:a\s+ton|a\s+lot|tons|loads|lots|so\s+much|everything)\s+about\b|\bknows?\s+(?:everyone|everybody|all\s+the|every)\b/giu,
  // "Sam knows one", "knows someone at Stripe": a contact worth asking for.
  /(?<!\b(?:might|may|could|probably|maybe|perhaps)\s+)\bknows?\s+(?:one|someone|somebody|a\s+(?:guy|person|great|good|few)|a\s+couple|people|folks)\b/giu,
  // "I can introduce you to our head of procurement if that's helpful"
  /\bcan\s+(?:intro|introduce|connect\s+you|put\s+you\s+in\s+touch|help)\b(?=[^.!?]*\bif\b)/giu,
  /\b(?:expert|specialist|guru|authority|wizard|whiz|ninja)\s+(?:in|on|at|for|with)\b|\b(?:very|super|really|incredibly|extremely|deeply)\s+(?:knowledgeable|experienced)\s+(?:about|in|on|with)\b/giu,
  /\b(?:deep|lots\s+of|a\s+lot\s+of|years\s+of|\d+\s+years\s+of|extensive|tons\s+of)\s+(?:experience|expertise)\s+(?:in|with|on|at|building|running)\b/giu,
  /\bspent\s+(?:\d+|a\s+decade|many|several|\w+)\s+years?\b|\b(?:\d+|many|several)\s+years\s+(?:running|leading|building|as)\b/giu,
  /\b(?:ran|runs|led|leads|used\s+to\s+(?:run|lead|head)|headed|heads|scaled)\s+(?:sales|growth|marketing|product|engineering|design|ops|operations|finance|people|hr|partnerships|bd|data|security|the\s+\w+\s+team)\b/giu,
  /\bgreat\s+(?:person|contact|resource|source)\s+for\b|\bgo-?to\s+(?:person|for)\b/giu,
  /\boffered\s+to\s+(?!(?:meet|come|call|pick|be|pay\s+for\s+(?:lunch|dinner|coffee))\b)\p{L}|\bcan\s+help\s+(?:with|you\s+with|on|out\s+with)\b/giu,
  /\b(?:angel\s+invests?|invests?\s+in|advises|mentors)\b|\bis\s+an?\s+(?:angel|advisor|mentor)\b/giu,
  /\bwell[\s-]connected\b|\bhas\s+(?:great|lots\s+of|a\s+lot\s+of|many|deep)\s+(?:contacts|connections|relationships|network)\b/giu,
  /\b(?:really|very|super)\s+(?:good|strong)\s+at\b|\b(?:great|brilliant|amazing)\s+at\b/giu,
];

// "Happy to make intros" with no subject is the author speaking (or the line's label).
const WILLING = /\b(?:happy|glad|keen|willing|more\s+than\s+happy|always\s+happy)\s+to\s+(?:help|make\s+(?:intros|introductions|an?\s+intro)|intro|introduce|connect|advise|mentor|review|look\s+at|share|do\s+a\s+call|give\s+feedback|chat\s+about|talk\s+about)\b/iu;

function willing(ctx: SentenceContext): Detection[] {
  const m = WILLING.exec(ctx.body);
  if (!m) return [];
  const who = (ctx.people.subjectBefore(ctx.body, m.index) ?? ctx.topic ?? [ctx.people.author()]).filter(
    (w) => w.type === "person" || w.type === "unresolved",
  );
  if (who.length === 0) return [];
  const text = shortText(ctx.body, clauseStart(ctx.body, m.index), clauseEnd(ctx.body, m.index + m[0].length));
  return [{ kind: "offer", who, text, due: null, tag: null }];
}

export function detectOffers(ctx: SentenceContext): Detection[] {
  return [...describedDetections(ctx, "offer", OFFERS), ...willing(ctx)];
}
