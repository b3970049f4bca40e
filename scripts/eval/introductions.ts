// Introductions and look-alikes (eval/public/introductions.jsonl): each email is sent
// by the user with Tend CC'd, and understand() decides whether it introduces people.
// An item counts as found when Tend records an introduction; its type is reported apart.
import { mailboxOf, parsedEmail, prf, readSet, sourcesOf, tally, understandFromUser, USER, TEND, zero, type Counts, ItemBase, type ScoredSet } from "./public-set.ts";
import type { Split } from "./set-report.ts";
import { z } from "zod";

const FILE = "eval/public/introductions.jsonl";

const IntroSchema = z.object({
  ...ItemBase,
  subject: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  body: z.string(),
  kind: z.string(),
  label: z.object({ is_introduction: z.boolean(), type: z.enum(["direct", "double_opt_in"]).nullable() }),
});
type IntroItem = z.infer<typeof IntroSchema>;

// The keyword test the issue compares against: any word of introducing or meeting.
const NAIVE = /\bintroduc|\bintro\b|\bmeet\b|\bconnect/i;

function predict(item: IntroItem): { is: boolean; optIn: boolean } {
  const to = item.to.map(mailboxOf);
  const cc = item.cc.map((v, i) => mailboxOf(v, i + to.length));
  const email = parsedEmail({ from: USER, to, cc: [...cc, { name: "Tend", address: TEND }], subject: item.subject, text: item.body });
  const u = understandFromUser(email);
  return { is: u.introduction !== null, optIn: u.introduction?.optIn ?? false };
}

export function scoreIntroductions(): ScoredSet {
  const items = readSet(FILE, IntroSchema);
  const tend: Record<Split, Counts> = { dev: zero(), test: zero() };
  const naive: Record<Split, Counts> = { dev: zero(), test: zero() };
  const typeRight: Record<Split, number> = { dev: 0, test: 0 };
  const devMisses: string[] = [];
  for (const item of items) {
    const p = predict(item);
    const expected = item.label.is_introduction;
    tally(tend[item.split], expected, p.is);
    tally(naive[item.split], expected, NAIVE.test(`${item.subject ?? ""}\n${item.body}`));
    if (expected && p.is && p.optIn === (item.label.type === "double_opt_in")) typeRight[item.split]++;
    if (item.split === "dev" && expected !== p.is) devMisses.push(`${item.id} (${item.kind}): expected ${expected}, got ${p.is}`);
  }
  const figures = (s: Split) => ({ ...prf(tend[s]), typeRightOfFound: tend[s].tp === 0 ? 0 : typeRight[s] / tend[s].tp });
  const n = (s: Split) => items.filter((i) => i.split === s).length;
  return {
    name: "introductions (is it an introduction)",
    file: FILE,
    sources: sourcesOf(items),
    goal: { figure: "f1", atLeast: 0.95 },
    dev: { n: n("dev"), figures: figures("dev") },
    test: { n: n("test"), figures: figures("test") },
    baseline: { name: "keyword (introduc|intro|meet|connect)", dev: { n: n("dev"), figures: prf(naive.dev) }, test: { n: n("test"), figures: prf(naive.test) } },
    counts: tend,
    devMisses,
  };
}
