import { describe, expect, it } from "vitest";
import type { Participant, Signal } from "../../model.ts";
import { extractSignals, MAX_SIGNALS_PER_TEXT, type SignalInput } from "./extract-signals.ts";

const USER = { name: "Alex Morgan", address: "alex@morgan.test" };
const ANA: Participant = { name: "Ana Lima", address: "ana@lima.test", role: "attendee" };
const BEN: Participant = { name: "Ben Okafor", address: "ben@okafor.test", role: "attendee" };
// Thursday 12 March 2026, 17:20 in Berlin.
const THURSDAY = new Date("2026-03-12T16:20:00Z");

function notes(text: string, people: Participant[] = [ANA], extra: Partial<SignalInput> = {}): Signal[] {
  return extractSignals({
    text,
    authorIsUser: true,
    author: USER,
    people,
    userName: USER.name,
    sentAt: THURSDAY,
    timeZone: "Europe/Berlin",
    ...extra,
  });
}

function from(author: Participant, text: string, extra: Partial<SignalInput> = {}): Signal[] {
  return extractSignals({
    text,
    authorIsUser: false,
    author: { name: author.name, address: author.address },
    people: [{ ...author, role: "from" }, { ...USER, role: "to" }],
    userName: USER.name,
    sentAt: THURSDAY,
    timeZone: "Europe/Berlin",
    ...extra,
  });
}

/** kind, whom (user / name / null) and due: what the digest relies on. */
function brief(signals: Signal[]): [string, string | null, string | null][] {
  return signals.map((s) => [s.kind, s.aboutUser ? "user" : (s.person?.name ?? null), s.due]);
}

function lifeEvents(text: string): [string, string | null, string | null][] {
  return brief(notes(text)).filter(([kind]) => kind === "life_event");
}

describe("extractSignals: the kinds", () => {
  it("reads the user's promises, with the due date when stated", () => {
    const to = [{ ...ANA, role: "to" as const }];
    expect(brief(notes("I'll send you the deck by Friday.", to))).toEqual([["promise", "user", "2026-03-13"]]);
    expect(brief(notes("I will intro you to Sam", to))).toEqual([["promise", "user", null]]);
    expect(brief(notes("let me check with my team and get back to you", to))).toEqual([["promise", "user", null]]);
    const promise = notes("I'll send you the deck by Friday.", to)[0];
    expect(promise).toMatchObject({ aboutUser: true, person: { name: "Ana Lima" }, private: false, tag: null });
  });

  it("reads what someone else committed to as waiting on them", () => {
    expect(brief(from(BEN, "I'll get back to you next week"))).toEqual([["waiting_on", "Ben Okafor", "2026-03-20"]]);
    expect(brief(notes("Ben said he'd send the term sheet", [BEN]))).toEqual([["waiting_on", "Ben Okafor", null]]);
  });

  it("reads a wish the user reports about someone as their ask of the user", () => {
    const asks = (text: string, people: Participant[] = [ANA]) => brief(notes(text, people)).filter(([kind]) => kind === "ask");
    expect(asks("Coffee with Ana. She'd love an intro to Carla's studio for the onboarding redesign.")).toEqual([["ask", "Ana Lima", null]]);
    expect(asks("Ana would really appreciate an introduction to a good designer.")).toEqual([["ask", "Ana Lima", null]]);
    expect(asks("He asked if I could look at his deck.", [BEN])).toEqual([["ask", "Ben Okafor", null]]);
    // The user's own wish, or one in a mail to someone, is not an ask of the user.
    expect(asks("Coffee with Ana. I'd love an intro to her cofounder.")).toEqual([]);
    expect(asks("Ana said she'd intro me to her old boss.")).toEqual([]);
    expect(asks("She'd love an intro to Carla's studio.", [{ ...ANA, role: "to" }])).toEqual([]);
  });

  it("reads a launch of someone's own work as a dated life event", () => {
    expect(lifeEvents("Ana Lima: her product launch is March 20. Exciting!")).toEqual([["life_event", "Ana Lima", "2026-03-20"]]);
    expect(lifeEvents("Ana is launching her app on March 20.")).toEqual([["life_event", "Ana Lima", "2026-03-20"]]);
    // A launch in general, or one that only dates a follow-up, is not an event in her life.
    expect(lifeEvents("Ana thinks a product launch is hard work.")).toEqual([]);
    expect(lifeEvents("Check in with Ana after her launch next month.")).toEqual([]);
  });

  it("reads requests to the user", () => {
    expect(brief(from(ANA, "could you review the draft?"))).toEqual([["ask", "Ana Lima", null]]);
    expect(brief(from(BEN, "can you send me the link?"))).toEqual([["ask", "Ben Okafor", null]]);
    expect(brief(notes("she asked me to review the draft by monday"))).toEqual([["ask", "Ana Lima", "2026-03-16"]]);
  });

  it("reads needs, offers and life events about the person", () => {
    expect(brief(from(ANA, "we're hiring a senior designer"))).toEqual([["need", "Ana Lima", null]]);
    expect(brief(notes("she is looking for a new role"))).toEqual([["need", "Ana Lima", null]]);
    expect(brief(notes("raising a seed round, struggling to hire in Berlin"))).toEqual([["need", "Ana Lima", null]]);
    expect(brief(notes("he knows pricing inside out", [BEN]))).toEqual([["offer", "Ben Okafor", null]]);
    expect(brief(from(BEN, "happy to make intros to climate investors"))).toEqual([["offer", "Ben Okafor", null]]);
    expect(brief(notes("defending her thesis on April 3"))).toEqual([["life_event", "Ana Lima", "2026-04-03"]]);
    expect(brief(notes("moving to Lisbon in June"))).toEqual([["life_event", "Ana Lima", "2026-06-01"]]);
    expect(brief(notes("new baby!"))).toEqual([["life_event", "Ana Lima", null]]);
    expect(brief(notes("started at Stripe"))).toEqual([["life_event", "Ana Lima", null]]);
    expect(brief(notes("birthday May 4"))).toEqual([["life_event", "Ana Lima", "2026-05-04"]]);
  });

  it("reads hashtags and stated interests as normalised tags", () => {
    const signals = notes("Great lunch. #climate #Design-Systems\nshe is passionate about early education");
    expect(signals.map((s) => [s.kind, s.person?.name, s.tag])).toEqual([
      ["interest", "Ana Lima", "climate"],
      ["interest", "Ana Lima", "design-systems"],
      ["interest", "Ana Lima", "early-education"],
    ]);
  });

  it("reads the user's follow-ups in notes", () => {
    expect(brief(notes("follow up in 3 weeks"))).toEqual([["follow_up", "user", "2026-04-02"]]);
    expect(brief(notes("remind me next Tuesday"))).toEqual([["follow_up", "user", "2026-03-17"]]);
    expect(brief(notes("check back after the launch in May"))).toEqual([["follow_up", "user", "2026-06-01"]]);
  });
});

/** kind, about the user, and whom it is to. */
function whom(signals: Signal[]): [string, boolean, string | null][] {
  return signals.map((s) => [s.kind, s.aboutUser, s.person?.name ?? null]);
}

describe("extractSignals: whom the user's promise or follow-up is to", () => {
  const DEV: Participant = { name: "Dev Patel", address: "dev@patel.io", role: "attendee" };
  const FARAH: Participant = { name: "Farah Haddad", address: "farah@haddad.test", role: "attendee" };
  const toAna: Participant = { ...ANA, role: "to" };
  const toBen: Participant = { ...BEN, role: "to" };

  it("names the participant the promise is to, and keeps it about the user", () => {
    expect(whom(notes("I'll send Ana the hiring guide by Friday.", [ANA, DEV]))).toEqual([["promise", true, "Ana Lima"]]);
    expect(whom(notes("I'll get back to Dev on the pricing question", [ANA, DEV]))).toEqual([["promise", true, "Dev Patel"]]);
    expect(whom(notes("I'll send the deck to Ben by Friday.", [toAna, { ...BEN, role: "cc" }]))).toEqual([
      ["promise", true, "Ben Okafor"],
    ]);
    expect(whom(notes("I owe Ben a proper intro to Ana.", [ANA, BEN]))).toEqual([["promise", true, "Ben Okafor"]]);
    expect(whom(notes("send Ben the notes", [ANA, BEN]))).toEqual([["promise", true, "Ben Okafor"]]);
  });

  it("reads 'you' as the one person the mail is to", () => {
    expect(whom(notes("I will intro you to Sam", [toAna]))).toEqual([["promise", true, "Ana Lima"]]);
    expect(whom(notes("let me check with my team and get back to you", [toBen]))).toEqual([["promise", true, "Ben Okafor"]]);
    expect(whom(notes("ill dig up that pricing doc and fwd it to you tmrw", [toBen]))).toEqual([["promise", true, "Ben Okafor"]]);
    expect(whom(notes("I'll send you the slides tomorrow.", [toAna, toBen]))).toEqual([["promise", true, null]]);
    expect(whom(notes("I'll send the deck to you and Ben tomorrow.", [toAna, { ...BEN, role: "cc" }]))).toEqual([
      ["promise", true, null],
    ]);
  });

  it("resolves a pronoun object only when one person fits", () => {
    expect(whom(notes("told ana I'd connect her with our lawyer", [ANA, BEN]))).toEqual([["promise", true, "Ana Lima"]]);
    expect(whom(notes("I'll send her the recording tonight", [ANA]))).toEqual([["promise", true, "Ana Lima"]]);
    expect(whom(notes("I'll send her the recording tonight", [ANA, FARAH]))).toEqual([["promise", true, null]]);
  });

  it("names nobody when the sentence names nobody, or two people to introduce", () => {
    expect(whom(notes("I'll send the invoice tomorrow", [toAna]))).toEqual([["promise", true, null]]);
    expect(whom(notes("I'll intro Ana to Ben next week", [ANA, BEN]))).toEqual([["promise", true, null]]);
    expect(whom(notes("Action: I intro Ben to Priya's old boss by next Friday", [BEN]))).toEqual([["promise", true, "Ben Okafor"]]);
    expect(whom(notes("i will loop in jess from our legal team on monday", [toAna]))).toEqual([["promise", true, null]]);
  });

  it("names whom a follow-up is with", () => {
    expect(whom(notes("Follow up with Dev in 3 weeks.", [ANA, DEV]))).toEqual([["follow_up", true, "Dev Patel"]]);
    expect(whom(notes("check in with Farah about the grant in a month", [ANA, FARAH]))).toEqual([
      ["follow_up", true, "Farah Haddad"],
    ]);
    expect(whom(notes("f/u w ben in 2wks re: pilot", [ANA, BEN]))).toEqual([["follow_up", true, "Ben Okafor"]]);
    expect(whom(notes("remind me to ping Ben on Monday", [ANA, BEN]))).toEqual([["follow_up", true, "Ben Okafor"]]);
    expect(whom(notes("follow up in 3 weeks", [ANA, BEN]))).toEqual([["follow_up", true, null]]);
    expect(whom(from(ANA, "Let's reconnect in a month or so"))).toEqual([["follow_up", true, "Ana Lima"]]);
    expect(whom(notes("Next steps:\n- both: sync again in 2 weeks", [ANA]))).toEqual([["follow_up", true, "Ana Lima"]]);
  });
});

describe("extractSignals: a line of only hashtags", () => {
  const DEV: Participant = { name: "Dev Patel", address: "dev@patel.io", role: "mentioned" };

  it("tags the whole note, not the person named last, when the note names two people", () => {
    const signals = notes("Coffee with Ana this morning.\nAna is hiring a designer.\nFollow up with Dev in 3 weeks.\n#climate", [ANA, DEV]);
    const interest = signals.find((s) => s.kind === "interest");
    expect(interest).toMatchObject({ person: null, aboutUser: false, tag: "climate", sentence: "#climate" });
    expect(whom(signals)).toEqual([
      ["need", false, "Ana Lima"],
      ["follow_up", true, "Dev Patel"],
      ["interest", false, null],
    ]);
  });

  it("is about the one person every name in the note resolves to", () => {
    const signals = notes("Lunch with Ana.\nAna Lima is moving to Porto in May.\n#design #climate", [ANA, DEV]);
    expect(signals.filter((s) => s.kind === "interest").map((s) => [s.person?.name, s.tag])).toEqual([
      ["Ana Lima", "design"],
      ["Ana Lima", "climate"],
    ]);
  });

  it("keeps a hashtag at the end of a line with that line's sentence", () => {
    const signals = notes("Coffee with Ana and Dev.\nDev is into sailing. #sailing", [ANA, DEV]);
    expect(signals.find((s) => s.tag === "sailing" && s.text === "#sailing")?.person?.name).toBe("Dev Patel");
  });
});

describe("extractSignals: whom, and when not to guess", () => {
  it("keeps an ambiguous pronoun on the interaction", () => {
    const [signal] = notes("she is looking for a new role", [ANA, { ...ANA, name: "Priya Shah", address: "priya@shah.test" }]);
    expect(signal).toMatchObject({ kind: "need", person: null, aboutUser: false });
  });

  it("resolves the user by name and participants by address local part", () => {
    expect(brief(notes("Sam will send Ben the term sheet by the 20th", [BEN], { userName: "Sam Patel" }))).toEqual([
      ["promise", "user", "2026-03-20"],
    ]);
    const nameless: Participant = { name: null, address: "marco.rossi@gmail.test", role: "cc" };
    expect(notes("marco.rossi is raising a seed round", [nameless])[0]?.person).toEqual({
      name: null,
      address: "marco.rossi@gmail.test",
    });
  });

  it("keeps a coordinated verb with its own subject, not the author", () => {
    const signals = from(BEN, "Let me introduce you to Jana, she runs growth at Klarna and knows the Nordics inside out.");
    expect(brief(signals)).toEqual([
      ["waiting_on", "Ben Okafor", null],
      ["offer", null, null],
    ]);
  });

  it("does not give a stranger's news to the only participant", () => {
    expect(brief(notes("met a founder at the meetup who is raising a series A"))).toEqual([["need", null, null]]);
    expect(notes("Do you know anyone who is hiring data engineers?")).toEqual([]);
  });
});

describe("extractSignals: wordings beyond the first labelled set", () => {
  const TOM: Participant = { name: "Tom Becker", address: "tom.becker@firma.test", role: "attendee" };

  it("reads polite requests with a lead-in", () => {
    expect(brief(from(BEN, "I was hoping you could take a look at the attached one-pager"))).toEqual([["ask", "Ben Okafor", null]]);
    expect(brief(from(BEN, "Could you do me a favour and share the job post?"))).toEqual([["ask", "Ben Okafor", null]]);
    expect(brief(from(BEN, "Do me a favor and forward this to Sam"))).toEqual([["ask", "Ben Okafor", null]]);
    expect(brief(from(BEN, "Would you mind taking a quick look at the contract?"))).toEqual([["ask", "Ben Okafor", null]]);
    expect(brief(from(ANA, "Would you have time to look over our deck before Friday's board meeting?"))).toEqual([
      ["ask", "Ana Lima", "2026-03-13"],
    ]);
  });

  it("does not read permission, scheduling or hopes as requests", () => {
    expect(from(BEN, "Would you mind if I brought a colleague?")).toEqual([]);
    expect(from(BEN, "Would you mind moving our call to 4pm?")).toEqual([]);
    expect(from(BEN, "I hope you can make it!")).toEqual([]);
    expect(from(BEN, "Would you mind sharing your screen?")).toEqual([]);
    expect(from(BEN, "Do me a favour, don't tell Ana yet.")).toEqual([]);
    expect(from(BEN, "I was sick last week, sorry for the slow reply.")).toEqual([]);
  });

  it("reads a commitment by the later, more specific date", () => {
    expect(brief(from(BEN, "I'll have the term sheet over to you by end of day tomorrow"))).toEqual([
      ["waiting_on", "Ben Okafor", "2026-03-13"],
    ]);
  });

  it("keeps the subject of a verb that is not a commitment for the one coordinated with it", () => {
    const to = [{ ...ANA, role: "to" as const }];
    expect(brief(notes("I'll dig into this over the weekend and send you my thoughts on Monday", to))).toEqual([
      ["promise", "user", "2026-03-16"],
    ]);
  });

  it("reads counted needs, founding, illness and a closed round", () => {
    expect(brief(notes("priya's team is scaling fast, they need two more AEs before Q3", [ANA]))).toEqual([["need", "Ana Lima", null]]);
    expect(notes("we need two more days to finish the deck", [ANA])).toEqual([]);
    expect(brief(notes("Tom is launching his own studio in September", [TOM]))).toEqual([["life_event", "Tom Becker", "2026-09-01"]]);
    expect(brief(from(ANA, "We closed our seed round last week, now focused on hiring a head of growth"))).toEqual([
      ["need", "Ana Lima", null],
      ["life_event", "Ana Lima", null],
    ]);
    expect(from(BEN, "I'm sick of all these meetings")).toEqual([]);
  });

  it("dates an event only within its own clause", () => {
    expect(brief(notes("ben's dad is sick, he's flying to Lagos next week", [BEN]))).toEqual([["life_event", "Ben Okafor", null]]);
    expect(brief(notes("Ana is pregnant, she's due in May"))).toEqual([["life_event", "Ana Lima", "2026-05-01"]]);
  });

  it("reads someone's offer to introduce as an offer, not as something to wait on", () => {
    expect(brief(notes("Ana offered to intro Tom to her investor at Atomico", [ANA, TOM]))).toEqual([["offer", "Ana Lima", null]]);
    expect(brief(notes("I offered to intro Tom to our lawyer", [TOM]))).toEqual([["promise", "user", null]]);
  });

  it("reads 'they both' as the two people it can be", () => {
    expect(brief(notes("they both know a lot about logistics", [BEN, TOM]))).toEqual([
      ["offer", "Ben Okafor", null],
      ["offer", "Tom Becker", null],
    ]);
    expect(brief(notes("they both know a lot about logistics", [ANA, BEN, TOM]))).toEqual([["offer", null, null]]);
  });
});

describe("extractSignals: what is not a signal", () => {
  it.each([
    "I'll be in Berlin next week",
    "thanks for the intro!",
    "meet me at 5",
    "I'll see you there",
    "Let me know if you have questions",
    "we should grab coffee sometime",
    "Looking forward to it!",
    "Can you make it at 5 instead?",
    "Tuesday at 3pm works for me. I'll send a calendar invite.",
  ])("%s", (text) => {
    expect(notes(text, [{ ...ANA, role: "to" }])).toEqual([]);
    expect(from(BEN, text)).toEqual([]);
  });

  it.each([
    "Ich schicke dir das Deck bis Freitag. Wir suchen gerade einen Designer.",
    "Je t'envoie le deck demain. Pourrais-tu relire le document avant vendredi ?",
    "Am 3. März verteidigt sie ihre Doktorarbeit.",
  ])("gives no false positives in German or French: %s", (text) => {
    expect(from(BEN, text)).toEqual([]);
  });
});

describe("extractSignals: privacy and provenance", () => {
  it("marks private sentences and lines, and #private is not an interest", () => {
    // A private: paragraph ends at the blank line.
    const signals = notes("Ana's mom is in the hospital #private\nprivate: she is looking for a new role\n\nmoving in June #design");
    expect(signals.map((s) => [s.kind, s.private, s.tag])).toEqual([
      ["life_event", true, null],
      ["need", true, null],
      ["life_event", false, null],
      ["interest", false, "design"],
    ]);
  });

  it("keeps at most MAX_SIGNALS_PER_TEXT signals from one text", () => {
    const text = Array.from({ length: 150 }, (_, i) => `#topic${String.fromCharCode(97 + (i % 26))}${i}.`).join(" ");
    expect(notes(text)).toHaveLength(MAX_SIGNALS_PER_TEXT);
  });

  it("keeps the original sentence and a short text", () => {
    const long = `I'll send you the deck by Friday, ${"along with every appendix we discussed, ".repeat(6)}promise.`;
    const [signal] = notes(`Hi Ana!  ${long}`, [{ ...ANA, role: "to" }]);
    expect(signal?.sentence).toBe(long);
    expect(signal?.text.length).toBeLessThanOrEqual(140);
  });
});

describe("extractSignals: dates in the user's zone", () => {
  // Thu 31 Dec 2026 23:30 in Los Angeles; already Fri 1 Jan 2027 in Tokyo.
  const newYearsEve = new Date("2027-01-01T07:30:00Z");
  const to = [{ ...BEN, role: "to" as const }];

  it("resolves 'by Friday' from the local date on both sides of the date line", () => {
    const la = notes("I'll send the signed NDA by Friday", to, { sentAt: newYearsEve, timeZone: "America/Los_Angeles" });
    const tokyo = notes("I'll send the signed NDA by Friday", to, { sentAt: newYearsEve, timeZone: "Asia/Tokyo" });
    expect(la[0]?.due).toBe("2027-01-01");
    // Said on a Friday, "by Friday" means next week's.
    expect(tokyo[0]?.due).toBe("2027-01-08");
  });

  it("finds next year's birthday", () => {
    const signals = notes("ana's birthday is jan 5th", [ANA], { sentAt: new Date("2026-12-20T10:00:00Z") });
    expect(signals[0]?.due).toBe("2027-01-05");
  });
});
