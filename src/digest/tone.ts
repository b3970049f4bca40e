// How news should be met: warmly (good), gently (hard: illness, a layoff), or
// with sympathy and no questions (loss). Inbound may judge it one day (the
// signal's `tone`); until then this one function reads the text, so swapping it
// out is a one-line change in suggest.ts.

export type Tone = "good" | "hard" | "loss";

// A death or a funeral: never "how did it go?", never cheerful.
const LOSS = /\b(passed away|died|dying|death|funeral|memorial|burial|bereave\w*|grie(f|ving)|mourning|lost (her|his|their|my|our) (mother|father|mum|mom|dad|partner|husband|wife|baby|son|daughter|brother|sister|friend)|miscarriage|stillborn)\b/i;
// Hard but not a loss: be gentle, ask how they are, not how it went.
const HARD = /\b(laid off|layoffs?|redundan\w*|fired|lost (her|his|their|my|our) job|surgery|operation|hospital\w*|diagnos\w*|cancer|chemo\w*|illness|\bill\b|sick|injur\w*|accident|divorce\w*|separat\w*|burn ?out|rehab\w*|treatment|biopsy|scan results)\b/i;

/** The tone inbound stored when it has one, else what the text says. */
export function eventTone(text: string, stored: Tone | null = null): Tone {
  if (stored) return stored;
  if (LOSS.test(text)) return "loss";
  if (HARD.test(text)) return "hard";
  return "good";
}
