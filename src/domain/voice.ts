// Tend's voice: a promise or ask as its speaker said it ("I'll send you my
// comments by Wednesday"), retold to the user about the other person ("You told
// Carla you'd send them your comments by Wednesday", "Carla said she'd send you
// her comments"). In Tend's sentences "you" is always the user, and no first
// person of a quoted speaker is left: their words appear only inside quotes.

/** How Tend refers to someone in the third person. */
export type Pronouns = "she" | "he" | "they";

/** A person a sentence is said by or to: the user, or someone Tend names. */
export type Party = "user" | { name: string; pronouns: Pronouns };

interface Forms {
  subject: string;
  object: string;
  possessive: string;
  independent: string;
  reflexive: string;
  /** "is" / "are" after the subject form. */
  be: string;
  have: string;
  was: string;
}

const FORMS: Record<Pronouns | "you", Forms> = {
  she: { subject: "she", object: "her", possessive: "her", independent: "hers", reflexive: "herself", be: "is", have: "has", was: "was" },
  he: { subject: "he", object: "him", possessive: "his", independent: "his", reflexive: "himself", be: "is", have: "has", was: "was" },
  they: { subject: "they", object: "them", possessive: "their", independent: "theirs", reflexive: "themselves", be: "are", have: "have", was: "were" },
  you: { subject: "you", object: "you", possessive: "your", independent: "yours", reflexive: "yourself", be: "are", have: "have", was: "were" },
};

function formsOf(party: Party): Forms {
  return party === "user" ? FORMS.you : FORMS[party.pronouns];
}

/** "we" of a speaker: the user and others ("you"), or the speaker's side ("they"). */
function pluralOf(party: Party): Forms {
  return party === "user" ? { ...FORMS.you, reflexive: "yourselves" } : FORMS.they;
}

type Role = "subject" | "object" | "possessive" | "independent" | "reflexive";

const FIRST_SINGULAR: Record<string, Role> = { i: "subject", me: "object", my: "possessive", mine: "independent", myself: "reflexive" };
const FIRST_PLURAL: Record<string, Role> = { we: "subject", us: "object", our: "possessive", ours: "independent", ourselves: "reflexive" };
const SECOND: Record<string, Role> = { you: "subject", u: "subject", your: "possessive", yours: "independent", yourself: "reflexive", yourselves: "reflexive" };
const CONTRACTION = /^(.*?)('m|'re|'ll|'ve|'d|'s)$/;
// A "you" followed by one of these is the clause's subject ("you'll", "you can", "you know").
const SUBJECT_FOLLOWS = /^\s+(?:will|would|can|could|should|shall|might|may|must|need|want|know|are|were|have|had|get|got|said|say|asked|did|do|mentioned|wanted|might|think)\b/i;
// A "you" after one of these is an object ("send you", "to you", "with you").
const OBJECT_BEFORE = /\b(?:to|for|with|at|from|about|of|by|send|sending|sent|give|giving|gave|get|show|tell|told|ask|asked|help|introduce|intro|connect|call|email|ping|update|owe|thank|let|see|meet|join|put|loop|keep|invite|invited|cc|forward|remind|bring|pay|offer|offered|make)\s*$/i;
const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)?/g;

const VERB_AFTER = /^(\s+)(am|are|is|have|has|was|were)\b/i;

/** The verb after a changed subject agrees with it: "I am" → "she is", "you have" → "she has". */
function agreeingVerb(verb: string, forms: Forms): string {
  const v = verb.toLowerCase();
  if (v === "am" || v === "are" || v === "is") return forms.be;
  if (v === "have" || v === "has") return forms.have;
  return forms.was;
}

function contracted(forms: Forms, suffix: string): string {
  if (suffix === "'m" || suffix === "'re") return forms.be === "is" ? `${forms.subject}'s` : `${forms.subject}'re`;
  if (suffix === "'ve") return forms.have === "has" ? `${forms.subject}'s` : `${forms.subject}'ve`;
  return `${forms.subject}${suffix}`;
}

/** "I" is capitalised anywhere; its replacement only where a sentence starts. Other words keep their case. */
function matchCase(original: string, replacement: string, atStart: boolean): string {
  const isI = /^i(?:'|$)/i.test(original);
  const upper = isI ? atStart : /^[A-Z]/.test(original);
  return upper ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/**
 * `text` as `speaker` said it to `listener`, with every first- and second-person
 * pronoun turned to Tend's point of view ("you" is the user). Quoted passages
 * ("…") are left as they are.
 */
export function retell(text: string, speaker: Party, listener: Party): string {
  const parts = text.replace(/[’]/g, "'").split(/("[^"]*")/);
  return parts.map((part, index) => (index % 2 === 1 ? part : retellPlain(part, speaker, listener))).join("");
}

function retellPlain(text: string, speaker: Party, listener: Party): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const at = m.index;
    const lower = word.toLowerCase();
    const split = CONTRACTION.exec(lower);
    const stem = split?.[1] && (FIRST_SINGULAR[split[1]] ?? FIRST_PLURAL[split[1]] ?? SECOND[split[1]]) ? split[1] : lower;
    const suffix = stem === lower ? "" : (split?.[2] ?? "");
    const singular = FIRST_SINGULAR[stem];
    const plural = FIRST_PLURAL[stem];
    const second = SECOND[stem];
    let forms: Forms | null = null;
    let role: Role | null = null;
    if (singular) [forms, role] = [formsOf(speaker), singular];
    else if (plural) [forms, role] = [pluralOf(speaker), plural];
    else if (second && listener !== "user") {
      forms = formsOf(listener);
      const before = text.slice(0, at);
      const after = text.slice(at + word.length);
      role = second === "subject" ? (suffix || SUBJECT_FOLLOWS.test(after) || !OBJECT_BEFORE.test(before) ? "subject" : "object") : second;
    }
    if (!forms || !role || (stem === "us" && /^US$/.test(word))) continue;
    const replacement = suffix ? contracted(forms, suffix) : forms[role];
    const atStart = text.slice(0, at).trim() === "";
    out += text.slice(last, at) + matchCase(word, replacement, atStart);
    last = at + word.length;
    // "I am" → "she is": only a plain subject takes the verb after it.
    const verb = role === "subject" && !suffix ? VERB_AFTER.exec(text.slice(last)) : null;
    if (verb?.[1] && verb[2]) {
      out += verb[1] + agreeingVerb(verb[2], forms);
      last += verb[0].length;
    }
  }
  return out + text.slice(last);
}

// "I'll", "I will", "I'm going to", "we can", "she'd": the subject and modal a commitment starts with.
const LEADING_SUBJECT = /^\s*(?:(?:i|we|you|he|she|they|u)\s*(?:'ll|'d|\s+will|\s+would|\s+shall|'m\s+(?:going\s+to|gonna)|\s+am\s+(?:going\s+to|gonna)|'re\s+(?:going\s+to|gonna)|\s+are\s+(?:going\s+to|gonna)|\s+can|\s+could|\s+need\s+to|\s+have\s+to|\s+must|\s+promised\s+to|\s+agreed\s+to|\s+offered\s+to)|ill|lemme|let\s+me|will|would|gonna|going\s+to|promised\s+to|agreed\s+to)\s+(?:(?:just|also|definitely|probably|happily|quickly|then|gladly|still|first|now|really|try\s+and|go\s+ahead\s+and)\s+)*/i;

/** What a commitment is to do, without who said they would: "I'll send you the deck" → "send you the deck". */
export function predicateOf(text: string): string {
  const cut = LEADING_SUBJECT.exec(text.replace(/[’]/g, "'"));
  const rest = cut ? text.slice(cut[0].length) : text;
  return rest.replace(/[\s.!]+$/, "");
}

function nameOf(party: Party): string {
  return party === "user" ? "you" : party.name;
}

/**
 * A promise in Tend's voice. The user's: "You told Carla you'd send them your
 * comments by Wednesday". Someone else's: "Carla said she'd send you her comments".
 */
export function retellPromise(text: string, speaker: Party, listener: Party): string {
  const predicate = retell(predicateOf(text), speaker, listener);
  if (speaker === "user") {
    return listener === "user" ? `You said you'd ${predicate}` : `You told ${listener.name} you'd ${predicate}`;
  }
  const forms = formsOf(speaker);
  const to = listener === "user" ? "" : ` ${listener.name}`;
  return `${speaker.name} ${to ? `told${to}` : "said"} ${forms.subject}'d ${predicate}`;
}

/** An ask in Tend's voice: "Dev asked you to introduce them to a designer", "You asked Ana to …". */
export function retellAsk(text: string, speaker: Party, listener: Party): string {
  const said = retell(text.replace(/[\s.!]+$/, ""), speaker, listener);
  const by = nameOf(speaker);
  const to = listener === "user" ? "you" : listener.name;
  return `${by.charAt(0).toUpperCase()}${by.slice(1)} asked ${to}: ${said}`;
}

const SHE = /\b(?:she|her|hers|herself)\b/i;
const HE = /\b(?:he|him|his|himself)\b/i;

/**
 * How a sentence refers to the person it names: "Carla said she'd…" → "she".
 * Only when the sentence is unambiguous; "they" otherwise (never a guess from a name).
 */
export function pronounsIn(sentence: string, name: string): Pronouns {
  const first = name.trim().split(/\s+/)[0] ?? "";
  if (!first) return "they";
  const at = sentence.toLowerCase().indexOf(first.toLowerCase());
  if (at === -1) return "they";
  const after = sentence.slice(at + first.length);
  const she = SHE.test(after);
  const he = HE.test(after);
  return she && !he ? "she" : he && !she ? "he" : "they";
}

/** A stored signal, as much as retelling it needs. */
export interface SignalToRetell {
  kind: "promise" | "ask" | "waiting_on" | "need" | "offer" | "life_event" | "interest" | "follow_up";
  /** The signal's text, in its speaker's words. */
  text: string;
  /** The sentence it came from, to read how it refers to people ("she'd"). */
  sentence: string;
  /** Whom it is about (for the user's promise: whom it is to). */
  personName: string | null;
  /** Who said it; null: the user. */
  speakerName: string | null;
}

function partyNamed(name: string, sentence: string): Party {
  return { name: name.trim().split(/\s+/)[0] ?? name, pronouns: pronounsIn(sentence, name) };
}

/**
 * One signal in Tend's voice, to the user about the other person: "You told
 * Carla you'd send them your comments", "Dev said he'd send you a beta invite",
 * "Dev asked you: could you intro him to a designer?".
 */
export function retellSignal(signal: SignalToRetell): string {
  const speaker: Party = signal.speakerName ? partyNamed(signal.speakerName, signal.sentence) : "user";
  const person: Party | null = signal.personName ? partyNamed(signal.personName, signal.sentence) : null;
  switch (signal.kind) {
    case "promise":
    case "follow_up":
      return retellPromise(signal.text, "user", person ?? "user");
    case "waiting_on": {
      const who = person ?? (speaker === "user" ? null : speaker);
      if (!who || who === "user") return retell(signal.text, speaker, "user");
      // The words are the speaker's: in the user's notes, "me" is the user.
      const predicate = retell(predicateOf(signal.text), speaker, speaker === "user" ? who : "user");
      return `${who.name} said ${formsOf(who).subject}'d ${predicate}`;
    }
    case "ask":
      return retellAsk(signal.text, speaker === "user" ? (person ?? "user") : speaker, "user");
    default:
      return retell(signal.text, speaker, "user");
  }
}
