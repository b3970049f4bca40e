// The welcome: once, on a new user's first message, whatever it was. It says
// what Tend just did with that message, the three ways to use Tend, the time
// zone it guessed (and the one line that corrects it), and `help`.
import { peopleOfInteraction } from "../db/accounts.ts";
import type { User } from "../db/users.ts";
import type { Deps } from "../domain/deps.ts";
import { sendMail } from "../domain/outbox.ts";
import type { TimeZoneGuess } from "../domain/time-zone-guess.ts";
import { withSubaddress } from "../lib/addresses.ts";
import { weekdayName } from "../lib/time/local-date.ts";
import type { ParsedEmail } from "../model.ts";
import { replyMail } from "./reply-mail.ts";

/** People named in "I logged this thread with …"; the rest are counted. */
const MAX_NAMED_PEOPLE = 5;

/** What became of the first message, as the edge saw it. */
export type FirstMessage =
  | { status: "stored"; kind: string; interactionId: string }
  | { status: "answered"; kind: string }
  | { status: "other"; reason: string };

function listNames(names: readonly string[], total: number): string {
  const shown = names.slice(0, MAX_NAMED_PEOPLE);
  const more = total - shown.length;
  const all = more > 0 ? [...shown, `${more} more`] : shown;
  if (all.length <= 1) return all.join("");
  return `${all.slice(0, -1).join(", ")} and ${all.at(-1) ?? ""}`;
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  thread: "this thread",
  notes: "your notes",
  forwarded: "the message you forwarded",
  introduction: "this introduction",
  invite: "this invitation",
  reminder: "your reminder",
};

async function whatHappened(deps: Deps, user: User, first: FirstMessage): Promise<string> {
  if (first.status === "answered") return "I answered your message in a separate reply.";
  if (first.status === "other") return `I logged nothing from your first message (${first.reason}).`;
  const people = await peopleOfInteraction(deps.db, user.id, first.interactionId, MAX_NAMED_PEOPLE + 1);
  const what = KIND_WORDS[first.kind] ?? "your message";
  const withWhom = people.length > 0 ? ` with ${listNames(people, people.length)}` : "";
  const clock = people.length > 0 ? "; from now on I keep track of when you last spoke" : "";
  const separate = first.kind === "thread" ? "" : " What I understood from it is in a separate reply.";
  return `I logged ${what}${withWhom}${clock}.${separate}`;
}

function zoneLines(guess: TimeZoneGuess): string[] {
  const said = guess.offset
    ? `Your time zone: from your message's Date header (${guess.offset}) I guessed ${guess.timeZone}. It is a guess.`
    : `Your time zone: your message's Date header named none, so I assumed ${guess.timeZone}.`;
  return [said, "If it is wrong, email me this line with your own zone:", "  set timezone Europe/Berlin"];
}

export async function sendWelcome(deps: Deps, user: User, email: ParsedEmail, guess: TimeZoneGuess, first: FirstMessage, now: number): Promise<void> {
  const tend = deps.config.tendAddress;
  const firstName = user.name?.trim().split(/\s+/)[0];
  const text = [
    firstName ? `Welcome to Tend, ${firstName}.` : "Welcome to Tend.",
    "",
    await whatHappened(deps, user, first),
    "",
    "Three ways to use me:",
    `  1. CC or BCC ${tend} on an email: I log everyone on it.`,
    `  2. Forward me an introduction, meeting notes or an invite, or write notes to ${tend}: I pick out promises, needs, offers and dates.`,
    `  3. Send or BCC ${withSubaddress(tend, "3d")}, ${withSubaddress(tend, "friday")} or ${withSubaddress(tend, "everymonday")}: I remind you then, on the same thread.`,
    "",
    `Every ${weekdayName(user.digestWeekday)} at ${String(user.digestHour).padStart(2, "0")}:00 your time I send one short digest; reply to it (“done 2”, “snooze 3 2w”) to act on it.`,
    "",
    ...zoneLines(guess),
    "",
    "Email “help” for every command.",
    "",
    "— Tend",
  ].join("\n");
  await sendMail({ ...deps, now }, replyMail(deps.config, user, email, { kind: "welcome", subject: "Welcome to Tend", text }));
}
