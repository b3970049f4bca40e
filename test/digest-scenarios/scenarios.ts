// Scenario weeks: a few real-looking mails, delivered through Tend's real
// email() handler at the time each says, then the digest as of one point in
// time, sent by the real scheduled() and queue() handlers. Written by hand to
// cover what issue 12 asks of the digest; each renders to
// __rendered__/<name>.txt (see test/digest-scenarios.test.ts).
//
// The user is Sam Rivera (Europe/Berlin, digest on Mondays at 08:00). Dates
// are in late 2026; the digests fall on Monday 7 or Monday 14 December.

export interface ScenarioMail {
  /** ISO instant the mail is written and delivered. */
  at: string;
  /** Default: Sam. */
  from?: string;
  to?: string;
  cc?: string;
  /** Envelope recipient. Default: Tend's address. */
  envelopeTo?: string;
  subject: string;
  body: string;
  /** Index of an earlier mail of this scenario that this one answers (In-Reply-To and References). */
  repliesTo?: number;
}

export interface ScenarioDigest {
  /** ISO instant the digest is built and sent. */
  at: string;
  /** Lines Sam replies to this digest with, from Gmail, an hour later. */
  reply?: string[];
}

export interface Scenario {
  /** "NN-what-it-shows": the rendered file's name. */
  name: string;
  /** What a reviewer should see in the rendering. */
  shows: string;
  mails: ScenarioMail[];
  /** The last one is rendered; earlier ones set the scene (and may be replied to). */
  digests: ScenarioDigest[];
  maxItems?: number;
  /** Issue 12 parts that land with another helper's branch: the lead regenerates this rendering after merging. */
  dependsOn?: string;
  /** What the digest's text must say, and must never say, whatever its wording. */
  says?: readonly RegExp[];
  neverSays?: readonly RegExp[];
  /**
   * Set while `says`/`neverSays` wait on another helper's branch: they are then
   * expected to fail (it.fails), so the day they pass the test says to remove this.
   */
  pendingOn?: string;
}

export const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
export const TIME_ZONE = "Europe/Berlin";

const CARLA = "Carla Mendes <carla@mendes.studio>";
const ANA = "Ana Lima <ana@lumen.studio>";
const BEN = "Ben Cho <ben.cho@northwind.vc>";
const DEV = "Dev Patel <dev@patel.io>";
const GUS = "Gus Moreau <gus@moreau.example>";
const LEO = "Leo Brandt <leo@brandt.example>";
const EVE = "Eve Park <eve@park.example>";
const TOM = "Tom Weber <tom@weber.example>";
const JUN = "Jun Ito <jun@ito.example>";
const NORA = "Nora Quinn <nora@quinn.example>";

const MON_7_DEC = "2026-12-07T07:00:00Z";

/** A forward of `original`'s words from `sender`, written at `date`, under Sam's note. */
function forward(note: string, sender: string, date: string, subject: string, words: string, cc?: string): string {
  return [
    note,
    "",
    "---------- Forwarded message ---------",
    `From: ${sender}`,
    `Date: ${date}`,
    `Subject: ${subject}`,
    `To: ${SAM.name} <${SAM.address}>`,
    ...(cc ? [`Cc: ${cc}`] : []),
    "",
    "",
    words,
  ].join("\n");
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "01-dated-promise-overdue",
    shows: "a promise with a date the user said, now late: in the user's terms, quoted with who and when",
    mails: [
      {
        at: "2026-11-24T15:00:00Z",
        to: CARLA,
        cc: "tend@tend.example",
        subject: "Re: Studio draft",
        body: "Hi Carla,\n\nThanks so much for this, it was a lovely afternoon. I'll send you my comments by Wednesday.\n\nSam",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "02-undated-promise",
    says: [/three weeks ago you told Carla/],
    // Nobody named a date: none is shown, and nothing is late.
    neverSays: [/\bdue\b/i, /overdue|\bago\b.*\bdue\b/i],
    shows: "a promise nobody dated: ranked by age, never given a due date",
    mails: [
      {
        at: "2026-11-16T10:00:00Z",
        to: CARLA,
        cc: "tend@tend.example",
        subject: "Great to meet",
        body: "Hi Carla,\n\nGreat to meet you at the meetup. I'll send you our pitch deck.\n\nSam",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "03-range-date-waiting-on",
    // Inside "the week of December 7" nothing is overdue.
    neverSays: [/nudge|was expected|ago\. /],
    shows: "a range ('the week of December 7'): not overdue inside it",
    mails: [
      {
        at: "2026-11-26T09:00:00Z",
        subject: "Fwd: Beta",
        body: forward(
          "Dev's beta timing, for the record.",
          DEV,
          "Thu, Nov 26, 2026 at 9:15 AM",
          "Beta",
          "Hi Sam,\n\nI'll send you a beta invite once the new onboarding ships, probably the week of December 7.\n\nDev",
        ),
      },
    ],
    digests: [{ at: "2026-12-09T07:00:00Z" }],
  },
  {
    name: "04-clear-ask",
    says: [/Dev asked you for an intro/],
    neverSays: [/Dev Patel asked: /],
    shows: "an ask said clearly: who asked, for what",
    mails: [
      {
        at: "2026-12-01T11:00:00Z",
        subject: "Fwd: Hiring",
        body: forward(
          "From Dev.",
          DEV,
          "Tue, Dec 1, 2026 at 11:00 AM",
          "Hiring",
          "Hi Sam,\n\nWe're hiring a senior designer (product and brand). If you know anyone, I'd love an intro.\n\nDev",
        ),
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "05-birthday-heads-up",
    shows: "a birthday ahead: a gentle heads-up with the exact day",
    mails: [
      {
        at: "2026-11-30T18:00:00Z",
        subject: "Coffee with Ana",
        body: `Coffee with Ana Lima (ana@lumen.studio) today.\n\nHer birthday is December 10, small dinner at her place.`,
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "06-one-entry-per-person",
    says: [/^1\. Ana Lima — birthday Sat 12 Dec \(in 5 days\); /m],
    neverSays: [/^2\. Ana Lima/m],
    shows: "Ana's birthday, her need and Sam's promise merge into one entry, the birthday first",
    mails: [
      {
        at: "2026-11-30T18:00:00Z",
        to: ANA,
        cc: "tend@tend.example",
        subject: "Lovely coffee",
        body: "Hi Ana,\n\nLovely to catch up today. I'll send you the hiring guide by Friday.\n\nSam",
      },
      {
        at: "2026-11-30T18:30:00Z",
        subject: "Notes: Ana",
        body: "Notes from coffee with Ana Lima.\n\nShe's raising a seed round and is looking for an investor who knows climate.\nHer birthday is December 12, small dinner at her place.",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "07-hard-event-ahead",
    neverSays: [/congrat|!|glad/i],
    shows: "surgery ahead: careful, kind, no cheer",
    mails: [
      {
        at: "2026-12-02T12:00:00Z",
        to: LEO,
        cc: "tend@tend.example",
        subject: "Re: Thursday",
        body: "Hi Leo,\n\nThanks for letting me know. Of course we can move the call.\n\nSam\n\nOn Wed, Leo Brandt wrote:\n> My knee surgery is on December 10, so I'll be offline for a bit.",
      },
      {
        at: "2026-12-02T12:05:00Z",
        subject: "Leo",
        body: "Leo Brandt (leo@brandt.example) has knee surgery on December 10.",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "08-hard-event-after",
    shows: "after surgery: 'how are they?', gently, once",
    mails: [
      {
        at: "2026-11-25T12:05:00Z",
        subject: "Leo",
        body: "Leo Brandt (leo@brandt.example) has knee surgery on December 2.",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "09-funeral",
    says: [/thinking of them/],
    neverSays: [/: ask how|congrat|glad|!/i],
    shows: "a funeral: sympathy, never 'how did it go?'",
    mails: [
      {
        at: "2026-11-28T20:00:00Z",
        subject: "Mia",
        body: "Mia Rossi (mia@rossi.example) told me her father passed away. The funeral is on December 3.",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "10-good-news-after",
    says: [/Farah Haddad — product launch was .*: ask how it went/],
    shows: "after a launch: a warm 'how did it go?'",
    mails: [
      {
        at: "2026-11-20T10:00:00Z",
        subject: "Farah",
        body: "Farah Haddad (farah@greenloop.example): her product launch is December 3. Exciting!",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "11-name-only-mention",
    says: [/Dev .*hiring a senior designer/],
    shows: "someone named without an address (Dev, in notes with Jon) still surfaces",
    mails: [
      {
        at: "2026-12-01T16:00:00Z",
        to: "Jon Okafor <jon.okafor@icloud.com>",
        cc: "tend@tend.example",
        subject: "Good to see you",
        body: "Hi Jon,\n\nGood to see you today. Dev is hiring a senior designer, so if anyone good comes up, send them my way.\n\nSam",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "12-resolved-waiting-on-thanks",
    says: [/say thank you/],
    // Sam's "Waiting on Gus." above Gus's own promise is that promise, not a second waiting-on.
    neverSays: [/waiting on Gus since/],
    shows: "Gus sent what Sam was waiting on (Sam replied done): the next digest suggests one thank-you",
    mails: [
      {
        at: "2026-11-23T09:00:00Z",
        subject: "Fwd: Contract",
        body: forward(
          "Waiting on Gus.",
          GUS,
          "Mon, Nov 23, 2026 at 9:00 AM",
          "Contract",
          "Hi Sam,\n\nI'll send you the signed contract by Friday.\n\nGus",
        ),
      },
    ],
    digests: [{ at: "2026-11-30T07:00:00Z", reply: ["done 1"] }, { at: MON_7_DEC }],
  },
  {
    name: "13-how-did-it-turn-out",
    says: [/how did your help turn out\?/],
    shows: "help Sam gave (a kept promise, marked done): asked once, later, how it turned out",
    mails: [
      {
        at: "2026-11-09T15:00:00Z",
        to: NORA,
        cc: "tend@tend.example",
        subject: "Your portfolio",
        body: "Hi Nora,\n\nI'll send your portfolio to two hiring managers I know by Friday.\n\nSam",
      },
    ],
    digests: [{ at: "2026-11-16T07:00:00Z", reply: ["done 1"] }, { at: "2026-11-30T07:00:00Z" }],
  },
  {
    name: "14-connected-introduction",
    shows: "Sam introduced Ana and Ben; both answered on the thread, and three weeks on Tend asks Sam to ask them how it went",
    says: [/how it went/],
    neverSays: [/Did Ana and Ben connect\?/],
    mails: [
      {
        at: "2026-11-20T10:00:00Z",
        to: `${ANA}, ${BEN}`,
        cc: "tend@tend.example",
        subject: "Ana <> Ben",
        body: "Ana, meet Ben. Ben invests in climate founders and Ana is raising her seed round. I think you two should talk.\n\nSam",
      },
      {
        at: "2026-11-20T14:00:00Z",
        from: BEN,
        to: `${ANA}, ${SAM.name} <${SAM.address}>`,
        cc: "tend@tend.example",
        subject: "Re: Ana <> Ben",
        body: "Thanks Sam! Ana, great to meet you. Would Tuesday work for a call?\n\nBen",
        repliesTo: 0,
      },
      {
        at: "2026-11-20T16:30:00Z",
        from: ANA,
        to: `${BEN}, ${SAM.name} <${SAM.address}>`,
        cc: "tend@tend.example",
        subject: "Re: Ana <> Ben",
        body: "Thank you Sam! Ben, Tuesday at 3pm works. Talk then.\n\nAna",
        repliesTo: 1,
      },
    ],
    digests: [{ at: "2026-12-14T07:00:00Z" }],
  },
  {
    name: "15-introduced-by-someone",
    shows: "Carla introduced Sam to Jun: thank Carla",
    mails: [
      {
        at: "2026-11-18T10:00:00Z",
        subject: "Fwd: Intro: Sam <> Jun",
        body: forward(
          "Carla introduced me to Jun.",
          CARLA,
          "Wed, Nov 18, 2026 at 10:00 AM",
          "Intro: Sam <> Jun",
          "Hi Sam, hi Jun,\n\nIntroducing you two! Jun runs the design guild in Lisbon, and Sam is hiring his first designer.\n\nI'll let you take it from here.\n\nCarla",
          JUN,
        ),
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "16-cap-overflow-with-dated-event",
    says: [/Tom Weber — birthday Fri 11 Dec/],
    shows: "more than the cap of 4: Tom's birthday is still in",
    maxItems: 4,
    mails: [
      ...[
        ["Ana", ANA, "the hiring guide"],
        ["Ben", BEN, "the term sheet template"],
        ["Carla", CARLA, "my comments on the draft"],
        ["Eve", EVE, "the climbing gym list"],
        ["Gus", GUS, "the venue shortlist"],
      ].map(([first, to, thing], i) => ({
        at: `2026-11-2${i}T10:00:00Z`,
        to,
        cc: "tend@tend.example",
        subject: `Hi ${first}`,
        body: `Hi ${first},\n\nI'll send you ${thing} by Thursday.\n\nSam`,
      })),
      {
        at: "2026-11-30T10:00:00Z",
        subject: "Tom",
        body: "Tom Weber (tom@weber.example): his birthday is December 11.",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "17-check-in-their-news",
    says: [/Their last news: Eve just started a new job at Lumen/],
    neverSays: [/You usually talk/],
    shows: "a check-in whose reason is Eve's own news, not the rhythm",
    mails: [
      {
        at: "2026-09-28T10:00:00Z",
        subject: "Fwd: News",
        body: forward(
          "Eve's news.",
          EVE,
          "Mon, Sep 28, 2026 at 10:00 AM",
          "News",
          "Hi Sam,\n\nI just started a new job at Lumen, leading their design team. Let's catch up soon!\n\nEve",
        ),
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "18-check-in-fallback",
    shows: "a check-in with nothing to say but the last subject",
    mails: [
      {
        at: "2026-09-14T10:00:00Z",
        to: JUN,
        cc: "tend@tend.example",
        subject: "Climbing trip photos",
        body: "Hi Jun,\n\nHere are the photos from the trip. What a weekend.\n\nSam",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "19-private-need",
    neverSays: [/therapist/],
    shows: "a need told in confidence: never quoted",
    mails: [
      {
        at: "2026-12-01T10:00:00Z",
        subject: "Tom",
        body: "Call with Tom Weber (tom@weber.example).\n\nprivate: Tom is looking for a new therapist after the move.\n\nI'll send Tom the list of Berlin climbing gyms by Thursday.",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "20-quiet-week",
    shows: "nothing due: the short quiet-week note",
    mails: [
      {
        at: "2026-12-03T10:00:00Z",
        to: ANA,
        cc: "tend@tend.example",
        subject: "Thanks",
        body: "Hi Ana,\n\nThanks again for yesterday.\n\nSam",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "21-layoff-news",
    says: [/Hard news: Tom was laid off/],
    neverSays: [/congrat|!/i],
    shows: "hard news with no date: the check-in is careful",
    mails: [
      {
        at: "2026-10-01T10:00:00Z",
        subject: "Fwd: Some news",
        body: forward(
          "From Tom.",
          TOM,
          "Thu, Oct 1, 2026 at 10:00 AM",
          "Some news",
          "Hi Sam,\n\nI was laid off last week, along with most of the platform team. Taking a few weeks to breathe.\n\nTom",
        ),
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "22-ask-from-notes",
    says: [/Ana Lima — .*asked you for an intro to Carla's studio/],
    shows: "an ask written in Sam's notes about Ana: Ana asked Sam, in Sam's terms",
    mails: [
      {
        at: "2026-12-02T18:00:00Z",
        subject: "Coffee with Ana",
        body: "Coffee with Ana Lima (ana@lumen.studio).\n\nShe'd love an intro to Carla's studio for the onboarding redesign.",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "23-need-meets-offer",
    shows: "Dev needs a designer, Farah offered to review portfolios: an introduction",
    mails: [
      {
        at: "2026-12-01T10:00:00Z",
        subject: "Dev",
        body: "Call with Dev Patel (dev@patel.io). He's hiring a senior designer. #design",
      },
      {
        at: "2026-12-02T10:00:00Z",
        subject: "Farah",
        body: "Lunch with Farah Haddad (farah@greenloop.example). She offered to review design portfolios for anyone hiring. #design",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "24-weekday-with-date",
    says: [/due Wed 9 Dec/],
    shows: "'by Wednesday 9 December' is that Wednesday, not the nearest one",
    mails: [
      {
        at: "2026-11-30T10:00:00Z",
        to: CARLA,
        cc: "tend@tend.example",
        subject: "Draft",
        body: "Hi Carla,\n\nI'll send you my notes on the draft by Wednesday 9 December.\n\nSam",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "26-own-promise-above-a-forward",
    shows: "Sam's own promise, written above Dev's forwarded mail, is quoted as Sam's, not Dev's",
    says: [/You wrote, [^:]+: “I'll send Dev the pricing deck by Friday”/],
    neverSays: [/Dev, [^:]+: “I'll send Dev/],
    mails: [
      {
        at: "2026-12-01T17:00:00Z",
        subject: "Fwd: Pricing",
        body: forward(
          "Notes from my call with Dev. I'll send Dev the pricing deck by Friday.",
          DEV,
          "Tue, Dec 1, 2026 at 4:00 PM",
          "Pricing",
          "Hi Sam,\n\nThanks for making time today. Patel.io moves to usage-based pricing in Q1.\n\nDev",
        ),
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "25-a-full-week",
    shows: "a week with a bit of everything, as the README shows it",
    mails: [
      {
        at: "2026-11-24T15:00:00Z",
        to: CARLA,
        cc: "tend@tend.example",
        subject: "Re: Studio draft",
        body: "Hi Carla,\n\nThanks, lovely afternoon. I'll send you my comments by Wednesday.\n\nSam",
      },
      {
        at: "2026-11-30T18:30:00Z",
        subject: "Notes: Ana",
        body: "Coffee with Ana Lima (ana@lumen.studio).\n\nShe's raising a seed round and is looking for an investor who knows climate.\nHer birthday is December 12, small dinner at her place.",
      },
      {
        at: "2026-12-01T11:00:00Z",
        subject: "Fwd: Hiring",
        body: forward(
          "From Dev.",
          DEV,
          "Tue, Dec 1, 2026 at 11:00 AM",
          "Hiring",
          "Hi Sam,\n\nWe're hiring a senior designer. If you know anyone, I'd love an intro.\n\nDev",
        ),
      },
      {
        at: "2026-11-25T12:05:00Z",
        subject: "Leo",
        body: "Leo Brandt (leo@brandt.example) has knee surgery on December 2.",
      },
      {
        at: "2026-09-28T10:00:00Z",
        subject: "Fwd: News",
        body: forward(
          "Eve's news.",
          EVE,
          "Mon, Sep 28, 2026 at 10:00 AM",
          "News",
          "Hi Sam,\n\nI just started a new job at Lumen, leading their design team. Let's catch up soon!\n\nEve",
        ),
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "27-undated-waiting-on",
    shows: "a waiting-on nobody dated: surfaces gently by age after a week, never overdue; a recent one waits",
    says: [/Tom Weber — you've been waiting on Tom since Mon 23 Nov \(the signed lease\)/],
    neverSays: [/overdue|nudge|expected|\bdue\b/i, /Jun/],
    mails: [
      {
        at: "2026-11-23T09:00:00Z",
        subject: "Fwd: Lease",
        body: forward("For the record.", TOM, "Mon, Nov 23, 2026 at 9:00 AM", "Lease", "Hi Sam,\n\nI'll send you the signed lease.\n\nTom"),
      },
      {
        at: "2026-12-03T09:00:00Z",
        subject: "Fwd: Photos",
        body: forward("For the record.", JUN, "Thu, Dec 3, 2026 at 9:00 AM", "Photos", "Hi Sam,\n\nI'll send you the photos from the offsite.\n\nJun"),
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
  {
    name: "28-waiting-on-said-twice",
    shows: "Gus's promise, then Sam's later note 'Waiting on Gus.': one waiting-on for Gus, not two",
    says: [/Gus Moreau — you've been waiting on Gus since Mon 23 Nov \(the signed contract\)/],
    neverSays: [/since Tue 24 Nov/],
    mails: [
      {
        at: "2026-11-23T09:00:00Z",
        subject: "Fwd: Contract",
        body: forward("For the record.", GUS, "Mon, Nov 23, 2026 at 9:00 AM", "Contract", "Hi Sam,\n\nI'll send you the signed contract.\n\nGus"),
      },
      {
        at: "2026-11-24T09:00:00Z",
        subject: "Gus",
        body: "Gus Moreau (gus@moreau.example). Waiting on Gus.",
      },
    ],
    digests: [{ at: MON_7_DEC }],
  },
];
