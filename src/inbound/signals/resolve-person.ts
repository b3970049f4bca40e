// Whom a sentence is about: the user, a participant named by first name, full
// name or address local part, or a pronoun when exactly one person fits.
// Anything less certain stays unresolved: a wrong name is worse than none.
import type { Participant } from "../../model.ts";

export type Referent =
  | { type: "user" }
  | { type: "person"; person: { name: string | null; address: string | null } }
  /** Someone, but not one we can name without guessing: kept on the interaction. */
  | { type: "unresolved" }
  /** Nobody in particular ("anyone who is hiring"): no signal at all. */
  | { type: "nobody" };

export interface PeopleInput {
  authorIsUser: boolean;
  author: { name: string | null; address: string | null };
  people: Participant[];
  userName: string | null;
}

export interface PeopleResolver {
  /** The grammatical subject just before `index`, or null when the clause has none ("- hiring a designer"). */
  subjectBefore(body: string, index: number): Referent[] | null;
  /** Who a pronoun at `index` of `body` stands for. */
  pronoun(word: string, body: string, index: number): Referent;
  author(): Referent;
  /** Whom a subjectless description is about: a line label, the author, or the one person it can be. */
  describedDefault(body: string, topic: Referent[] | null): Referent[];
  /** A "Name:" line label: the user ("me"), one participant, or null. */
  label(label: string): Referent[] | null;
  /** Participants named in the text, in order of mention. */
  namesIn(body: string): { who: Referent; index: number }[];
  /**
   * Whom the verb at body[verbStart, verbEnd) is done to or for, up to `end`: its
   * object ("send Ana the guide", "get you the numbers") or a "to/with/for" target
   * ("get back to Dev", "the deck to Ben"). Null when it names no participant.
   * An introduction between two participants ("intro Ana to Ben") is to neither.
   */
  objectOf(body: string, verbStart: number, verbEnd: number, end: number, options?: { introduction?: boolean }): Referent | null;
  /** The one other side of "let's…" or "both:": the author, or whom the user wrote to. */
  otherParty(): Referent;
  /** The user wrote to someone (To/Cc), rather than notes to Tend. */
  addressedToSomeone: boolean;
}

const USER: Referent = { type: "user" };
const UNRESOLVED: Referent = { type: "unresolved" };
const NOBODY: Referent = { type: "nobody" };

const FIRST_PERSON = new Set(["i", "me", "my", "we", "us", "our", "myself", "ourselves", "im", "ive", "ill"]);
const SECOND_PERSON = new Set(["you", "u", "your", "ya", "yourself"]);
const THIRD_PERSON = new Set(["he", "she", "they", "him", "her", "his", "their", "them", "hes", "shes", "theyre"]);
const SKIPPED = new Set([
  "is", "are", "am", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "can",
  "should", "might", "may", "must", "shall", "does", "did", "also", "currently", "still", "just", "really", "now",
  "actively", "both", "already", "apparently", "finally", "all", "definitely", "probably", "seriously", "desperately",
  "urgently", "soon", "recently", "so", "very", "super", "totally", "deeply", "quietly", "officially", "honestly",
  "actually", "basically", "def", "literally", "kinda", "reportedly", "clearly", "obviously", "never", "always",
  "not", "quite", "pretty", "too", "ever", "again", "eventually", "likely", "maybe", "then", "mostly",
]);
const AUXILIARY = new Set(["is", "are", "am", "was", "were", "been", "has", "have", "had", "will", "would", "can", "could", "should", "might", "may", "must"]);
// Nouns that belong to someone: "ben's company needs", "her cofounder is leaving".
const RELATIONAL = new Set([
  "company", "team", "startup", "firm", "fund", "org", "business", "mom", "mum", "mother", "dad", "father", "parents",
  "wife", "husband", "partner", "son", "daughter", "kid", "kids", "baby", "brother", "sister", "family", "cofounder",
  "co-founder", "boss", "girlfriend", "boyfriend", "fiance", "fiancee", "friend",
]);
const POSSESSIVE_PRONOUN = new Set(["her", "his", "their", "my", "our", "your"]);
const RELATIVE = new Set(["who", "that", "which", "whose"]);
const INDEFINITE = new Set(["whoever", "whomever", "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody", "people", "folks", "none"]);
const COORDINATORS = new Set(["and", "but", "or", "&", "yet"]);
// "get back to", "send over", "check in with": words between a verb and its object.
const PARTICLES = new Set(["back", "up", "in", "over", "out", "along", "on", "across", "around", "base", "again", "off"]);
const TARGET_PREPOSITIONS = new Set(["to", "with", "w", "for"]);
const OBJECT_PRONOUNS = new Set(["her", "him", "his"]);
const USER_LABELS = new Set(["me", "i", "myself", "self", "mine"]);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'._@&-]*/gu;
const BOUNDARY = /[.;:!?](?=\s|$)|[()\n—–]|,\s|\s-\s/g;

function split(word: string): { stem: string; suffix: string } {
  const lower = word.toLowerCase().replace(/[.'-]+$/, "");
  const m = /^(.+?)('s|'re|'m|'ve|'d|'ll|s')$/.exec(lower);
  return m ? { stem: m[1] ?? lower, suffix: m[2] ?? "" } : { stem: lower, suffix: "" };
}

function lastBoundary(body: string, index: number): number {
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(body); m && m.index < index; m = BOUNDARY.exec(body)) start = m.index + m[0].length;
  return start;
}

function localPart(address: string | null): string | null {
  return address ? (address.split("@")[0] ?? "").toLowerCase() : null;
}

function same(a: { name: string | null; address: string | null }, b: { name: string | null; address: string | null }): boolean {
  if (a.address && b.address) return a.address.toLowerCase() === b.address.toLowerCase();
  return !!a.name && !!b.name && a.name.toLowerCase() === b.name.toLowerCase();
}

interface Candidate {
  person: { name: string | null; address: string | null };
  role: Participant["role"];
  keys: string[];
  /** Its keys, longest (full name) first. */
  ordered: string[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SURROGATE = /[\ud800-\udfff]/;

/** Whether the code point that ends just before `at` (a surrogate pair read as one) is a letter or digit. */
function letterBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && at >= 2 && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800 ? at - 2 : at - 1;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(start) ?? 0));
}

function letterAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  return code !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

/**
 * Where `key` first stands as a whole word in `text` (no letter or digit on either side), or -1: what
 * /(?<![\p{L}\p{N}])key(?![\p{L}\p{N}])/u finds, without compiling a regex per name. A key with a
 * surrogate (never seen in a name, but possible in an address) keeps the regex.
 */
export function wordIndex(text: string, key: string): number {
  if (key === "" || SURROGATE.test(key)) {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").exec(text)?.index ?? -1;
  }
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
    // Under /u a match never starts inside a surrogate pair.
    const inPair = at > 0 && (text.charCodeAt(at) & 0xfc00) === 0xdc00 && (text.charCodeAt(at - 1) & 0xfc00) === 0xd800;
    if (!inPair && !letterBefore(text, at) && !letterAt(text, at + key.length)) return at;
  }
  return -1;
}

function keysOf(person: { name: string | null; address: string | null }): string[] {
  const keys = new Set<string>();
  const name = person.name?.trim().toLowerCase().replace(/\s+/g, " ");
  if (name) {
    keys.add(name);
    const first = name.split(" ")[0];
    if (first && first.length > 1) keys.add(first);
  }
  const local = localPart(person.address);
  if (person.address) keys.add(person.address.toLowerCase());
  if (local) {
    keys.add(local);
    const head = local.split(/[._+-]/)[0];
    if (!name && head && head.length > 1) keys.add(head);
  }
  return [...keys];
}

// Capitalised words that start sentences or name things, never someone mentioned by name.
const NOT_A_NAME = new Set(
  "i,we,you,he,she,they,it,its,the,a,an,and,but,so,or,hi,hey,hello,dear,thanks,thank,best,cheers,regards,also,re,fwd,fw,sent,from,to,cc,subject,date,call,coffee,lunch,dinner,meeting,notes,next,follow,please,let,just,great,good,met,meet,spoke,talked,caught,saw,had,called,emailed,chatted,quick,intro,introducing,this,that,these,those,there,here,our,my,her,his,their,your,if,when,what,why,how,who,where,which,everything,nothing,something,anything,team,company,everyone,someone,anyone,nobody,today,tomorrow,yesterday,tonight,monday,tuesday,wednesday,thursday,friday,saturday,sunday,january,february,march,april,may,june,july,august,september,october,november,december,action,actions,todo,update,status,summary,context,background,agenda,pricing,design,engineering,marketing,sales,product,legal,finance,hiring,recruiting,mom,mum,dad,tend,ok,okay,yes,no,not,maybe,then,now,after,before,since,while,because,both,all,each,every,one,two,three,some,many,most,few,other,another,apparently,sadly,unfortunately,luckily,honestly,btw,fyi,ps,nb,note,reminder,q1,q2,q3,q4,happy,congrats,congratulations,welcome,wishing,merry,good,great,big,huge,new,old,first,last".split(","),
);
const NAME_WORD = /^\p{Lu}[\p{Ll}'-]*\p{Ll}$/u;
const GENDERED = new Set(["he", "she", "him", "her", "his", "hes", "shes"]);
const FULL_NAME = /(?<![\p{L}'])(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+)(?![\p{L}])/gu;
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "his", "her", "their", "my", "our", "your", "its"]);
const AFTER_PREPOSITION = new Set(["from", "at", "of", "with", "for", "in", "to", "by", "on", "about", "via", "like", "and", "&"]);

/** Words of the participants' mail domains ("acme" of greg@acme-corp.com): companies, not people. */
function organisationWords(people: readonly { address: string | null }[]): Set<string> {
  const words = new Set<string>();
  for (const p of people) {
    const domain = p.address?.split("@")[1]?.toLowerCase() ?? "";
    for (const label of domain.split(".").slice(0, -1)) for (const part of label.split("-")) if (part.length > 2) words.add(part);
  }
  return words;
}

/**
 * Someone named in the text who is no participant ("Dev is hiring", in notes
 * with Jon): one or two capitalised words right before the verb. They become a
 * pending contact, so what is said about them is not lost.
 */
function mentionedName(tokens: { word: string }[], i: number, organisations: ReadonlySet<string>): { name: string; twoWords: boolean } | null {
  const word = tokens[i]?.word.replace(/'s$/, "") ?? "";
  if (!NAME_WORD.test(word) || NOT_A_NAME.has(word.toLowerCase()) || organisations.has(word.toLowerCase())) return null;
  const previous = tokens[i - 1]?.word ?? "";
  // "Greg from Acme wants…", "the Boston marathon", "our daughter Mila": a place, a
  // thing, or someone known through another, not a person of the user's own.
  const before = previous.toLowerCase().replace(/'s$/, "");
  if (AFTER_PREPOSITION.has(before) || DETERMINERS.has(before) || RELATIONAL.has(before)) return null;
  if (NAME_WORD.test(previous) && !NOT_A_NAME.has(previous.toLowerCase())) return { name: `${previous} ${word}`, twoWords: true };
  return { name: word, twoWords: false };
}

export function createPeopleResolver(input: PeopleInput): PeopleResolver {
  const userName = input.userName?.trim().toLowerCase() ?? null;
  const userKeys = new Set(userName ? [userName, userName.split(/\s+/)[0] ?? userName] : []);
  const userAddress = input.authorIsUser ? input.author.address?.toLowerCase() ?? null : null;

  const isUser = (p: { name: string | null; address: string | null }): boolean =>
    (!!userAddress && p.address?.toLowerCase() === userAddress) ||
    (!!userName && p.name?.trim().toLowerCase() === userName);

  const organisations = organisationWords([...input.people, input.author]);
  const candidates: Candidate[] = [];
  for (const p of input.people) {
    const person = { name: p.name, address: p.address };
    if (isUser(person) || candidates.some((c) => same(c.person, person))) continue;
    const keys = keysOf(person);
    candidates.push({ person, role: p.role, keys, ordered: keys.toSorted((a, b) => b.length - a.length) });
  }
  const authorCandidate = input.authorIsUser ? null : (candidates.find((c) => same(c.person, input.author)) ?? null);
  const authorWho: Referent = input.authorIsUser
    ? USER
    : authorCandidate
      ? { type: "person", person: authorCandidate.person }
      : input.author.name || input.author.address
        ? { type: "person", person: { name: input.author.name, address: input.author.address } }
        : UNRESOLVED;
  const others = candidates.filter((c) => c !== authorCandidate);
  const recipients = input.authorIsUser
    ? (() => {
        const to = others.filter((c) => c.role === "to");
        return to.length > 0 ? to : others.filter((c) => c.role === "cc");
      })()
    : [];

  const one = (pool: Candidate[]): Referent => {
    const first = pool[0];
    return pool.length === 1 && first ? { type: "person", person: first.person } : UNRESOLVED;
  };

  /** Candidates a key names; more than one means the name is ambiguous. */
  const byKey = (key: string): Candidate[] => candidates.filter((c) => c.keys.includes(key));

  const nameWho = (key: string): Referent | null => {
    const matches = byKey(key);
    if (matches.length === 0) return userKeys.has(key) ? USER : null;
    if (userKeys.has(key)) return UNRESOLVED;
    return one(matches);
  };

  const mentions = new Map<string, { who: Referent; index: number; candidate: Candidate | null }[]>();
  const namesIn = (body: string): { who: Referent; index: number; candidate: Candidate | null }[] => {
    const cached = mentions.get(body);
    if (cached) return cached;
    const found: { who: Referent; index: number; candidate: Candidate | null }[] = [];
    const lower = body.toLowerCase();
    for (const candidate of candidates) {
      // Full names first, so "Tom Becker" is one mention, not two.
      for (const key of candidate.ordered) {
        const index = wordIndex(lower, key);
        if (index === -1) continue;
        const ambiguous = byKey(key).length > 1 || userKeys.has(key);
        found.push({ who: ambiguous ? UNRESOLVED : { type: "person", person: candidate.person }, index, candidate });
        break;
      }
    }
    const sorted = found.toSorted((a, b) => a.index - b.index);
    mentions.set(body, sorted);
    return sorted;
  };

  const pronoun = (word: string, body: string, index: number): Referent => {
    const w = split(word).stem;
    if (FIRST_PERSON.has(w)) return authorWho;
    if (SECOND_PERSON.has(w)) return input.authorIsUser ? one(recipients) : USER;
    // A third person is never the author, nor the user, nor whom a mail is addressed to.
    const named = namesIn(body.slice(0, index)).filter(
      (n) => n.candidate !== authorCandidate && !recipients.some((r) => r === n.candidate),
    );
    const distinct = new Set(named.map((n) => n.candidate));
    if (distinct.size === 1) return named[0]?.who ?? UNRESOLVED;
    if (distinct.size > 1) return UNRESOLVED;
    const fallback = one(others.filter((c) => !recipients.includes(c)));
    // "I'll loop in Dev Patel: he's hiring": he or she after one full name that is no participant.
    if (fallback.type === "unresolved" && GENDERED.has(w)) {
      const antecedent = fullNameBefore(body.slice(0, index));
      if (antecedent) return { type: "person", person: { name: antecedent, address: null } };
    }
    return fallback;
  };

  /** The one full name ("Dev Patel") written before a pronoun that is neither a participant nor the user. */
  const fullNameBefore = (text: string): string | null => {
    const names = new Set<string>();
    for (const m of text.matchAll(FULL_NAME)) {
      const [first = "", last = ""] = [m[1], m[2]];
      const words = [first.toLowerCase(), last.toLowerCase()];
      if (words.some((word) => NOT_A_NAME.has(word) || organisations.has(word))) continue;
      const key = words.join(" ");
      if (userKeys.has(key) || byKey(key).length > 0 || byKey(words[0] ?? "").length > 0) return null;
      names.add(`${first} ${last}`);
    }
    const [only] = names;
    return names.size === 1 && only ? only : null;
  };

  /** "they both": the two people named before `index`, else the only two it can be. */
  const pair = (body: string, index: number): Referent[] => {
    const named = namesIn(body.slice(0, index)).filter(
      (n) => n.candidate !== authorCandidate && !recipients.some((r) => r === n.candidate),
    );
    const distinct = [...new Set(named.map((n) => n.candidate))];
    const pool = distinct.length > 0 ? distinct : others.filter((c) => !recipients.includes(c));
    if (pool.length !== 2 || named.some((n) => n.who.type !== "person")) return [UNRESOLVED];
    return pool.flatMap((c) => (c ? [{ type: "person", person: c.person } satisfies Referent] : []));
  };

  const classify = (stem: string, body: string, at: number): Referent | null => {
    if (FIRST_PERSON.has(stem) || SECOND_PERSON.has(stem) || THIRD_PERSON.has(stem)) return pronoun(stem, body, at);
    return nameWho(stem);
  };

  const subjectBefore = (body: string, index: number): Referent[] | null => {
    const start = lastBoundary(body, index);
    const tokens = [...body.slice(start, index).matchAll(WORD)].map((m) => ({ word: m[0], at: start + m.index }));
    let sawAuxiliary = false;
    let owned = false;
    // "they both know…": exactly two people, when exactly two fit.
    let both = false;
    // "she runs growth and knows the Nordics": the second verb shares the first one's subject.
    let coordinated = false;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i];
      if (!token) break;
      const { stem, suffix } = split(token.word);
      if (!suffix && COORDINATORS.has(stem) && !owned) {
        coordinated = true;
        continue;
      }
      if (!suffix && SKIPPED.has(stem)) {
        sawAuxiliary ||= AUXILIARY.has(stem);
        both ||= stem === "both";
        continue;
      }
      if (!suffix && RELATIONAL.has(stem) && !owned) {
        owned = true;
        continue;
      }
      if (owned && !suffix && !POSSESSIVE_PRONOUN.has(stem)) return [UNRESOLVED];
      if (RELATIVE.has(stem)) {
        const before = tokens[i - 1];
        return [before && INDEFINITE.has(split(before.word).stem) ? NOBODY : UNRESOLVED];
      }
      if (INDEFINITE.has(stem)) return [NOBODY];
      if (both && stem === "they") return pair(body, token.at);
      const previous = tokens[i - 1];
      const fullName = previous ? nameWho(`${split(previous.word).stem} ${stem}`) : null;
      if (fullName) i--;
      const named = fullName ?? classify(stem, body, token.at);
      // After "and", the word before is the end of the last clause ("at Klarna and knows"), not a subject.
      const mentioned = named || coordinated ? null : mentionedName(tokens, i, organisations);
      if (mentioned?.twoWords) i--;
      const who: Referent | null = named ?? (mentioned ? { type: "person", person: { name: mentioned.name, address: null } } : null);
      if (who) {
        const found = [who];
        // "Jess and Ben are both into climate"
        for (let j = i - 1; j >= 1; j -= 2) {
          const conjunction = tokens[j];
          const other = tokens[j - 1];
          if (!conjunction || !other || !/^(and|&)$/i.test(conjunction.word)) break;
          const next = classify(split(other.word).stem, body, other.at);
          if (!next) break;
          found.push(next);
        }
        return found;
      }
      if (coordinated) continue;
      return sawAuxiliary || suffix || owned ? [UNRESOLVED] : null;
    }
    // "- daughter starts school in sept": whose daughter is the line's business.
    return null;
  };

  const describedDefault = (body: string, topic: Referent[] | null): Referent[] => {
    if (topic) return topic;
    if (!input.authorIsUser) return [authorWho];
    const named = namesIn(body);
    const distinct = new Set(named.map((n) => n.candidate));
    if (distinct.size === 1) return [named[0]?.who ?? UNRESOLVED];
    if (distinct.size > 1) return [UNRESOLVED];
    return [one(recipients.length > 0 ? recipients : others)];
  };

  type Token = { word: string; at: number };
  const NOT_A_PARTICIPANT = "other" as const;

  /** The participant a word (or two, for a full name) at tokens[k] names as an object. */
  const objectAt = (body: string, tokens: Token[], k: number): Referent | typeof NOT_A_PARTICIPANT | null => {
    const token = tokens[k];
    if (!token) return null;
    const { stem, suffix } = split(token.word);
    if (suffix && suffix !== "'s" && suffix !== "s'") return null;
    // "Priya's old boss", "her cofounder": someone else, who is not a participant.
    const owner = (from: number): boolean =>
      [tokens[from + 1], tokens[from + 2]].some((t) => !!t && RELATIONAL.has(split(t.word).stem));
    if (SECOND_PERSON.has(stem)) return alsoSomeone(tokens, k) ? UNRESOLVED : pronoun("you", body, token.at);
    if (OBJECT_PRONOUNS.has(stem)) return stem !== "him" && owner(k) ? NOT_A_PARTICIPANT : pronoun(stem, body, token.at);
    const next = tokens[k + 1];
    const full = next ? nameWho(`${stem} ${split(next.word).stem}`) : null;
    const who = full ?? nameWho(stem);
    if (!who) return null;
    const last = full ? k + 1 : k;
    const possessive = full && next ? split(next.word).suffix : suffix;
    if (who.type === "user" || (possessive && owner(last))) return NOT_A_PARTICIPANT;
    return alsoSomeone(tokens, last) ? UNRESOLVED : who;
  };

  /** "you and Ben": a second person right after the object makes it two. */
  const alsoSomeone = (tokens: Token[], k: number): boolean => {
    const conjunction = tokens[k + 1];
    const other = tokens[k + 2];
    if (!conjunction || !other || !/^(?:and|&)$/i.test(conjunction.word)) return false;
    const stem = split(other.word).stem;
    return SECOND_PERSON.has(stem) || OBJECT_PRONOUNS.has(stem) || nameWho(stem) !== null;
  };

  const objectOf = (
    body: string,
    verbStart: number,
    verbEnd: number,
    end: number,
    options: { introduction?: boolean } = {},
  ): Referent | null => {
    const tokensIn = (from: number, to: number): Token[] =>
      from >= to ? [] : [...body.slice(from, to).matchAll(WORD)].map((m) => ({ word: m[0], at: from + m.index }));
    const person = (who: Referent | typeof NOT_A_PARTICIPANT | null): Referent | null =>
      who && who !== NOT_A_PARTICIPANT && who.type !== "user" && who.type !== "nobody" ? who : null;
    // "get you the numbers", "put you in touch": the object is inside the verb phrase.
    const inVerb = tokensIn(verbStart, verbEnd);
    let direct: Referent | null = null;
    for (let k = 1; k < inVerb.length && !direct; k++) {
      const word = split(inVerb[k]?.word ?? "").stem;
      if (SECOND_PERSON.has(word) || OBJECT_PRONOUNS.has(word)) direct = person(objectAt(body, inVerb, k));
    }
    const tokens = tokensIn(verbEnd, end);
    let i = 0;
    while (i < 2 && PARTICLES.has(split(tokens[i]?.word ?? "").stem)) i++;
    if (!direct && tokens[i] && TARGET_PREPOSITIONS.has(split(tokens[i]?.word ?? "").stem)) {
      const target = objectAt(body, tokens, i + 1);
      if (target) return person(target);
    }
    direct ??= person(objectAt(body, tokens, i));
    let target: Referent | null = null;
    for (let k = i; k < tokens.length - 1 && !target; k++) {
      if (!TARGET_PREPOSITIONS.has(split(tokens[k]?.word ?? "").stem)) continue;
      target = person(objectAt(body, tokens, k + 1));
    }
    if (!direct) return target;
    const third = direct.type === "person" && !recipients.some((r) => same(r.person, direct.person));
    const other = target && (target.type !== "person" || direct.type !== "person" || !same(target.person, direct.person));
    return options.introduction && third && other ? UNRESOLVED : direct;
  };

  const otherParty = (): Referent => (input.authorIsUser ? one(recipients.length > 0 ? recipients : others) : authorWho);

  const label = (text: string): Referent[] | null => {
    const key = text.trim().toLowerCase().replace(/\s+/g, " ");
    if (USER_LABELS.has(key)) return [USER];
    const who = nameWho(key);
    return who && who.type !== "unresolved" ? [who] : null;
  };

  return {
    subjectBefore,
    pronoun,
    author: () => authorWho,
    describedDefault,
    label,
    namesIn: (body) => namesIn(body).map(({ who, index }) => ({ who, index })),
    objectOf,
    otherParty,
    addressedToSomeone: recipients.length > 0,
  };
}
