// A command mailed to Tend, one line: "brief Ana", "set digest monday 8am",
// "pause 2w". Strict on purpose: "Brief call with Ana today" is notes, not a command.
import { isAddress, normalizeAddress } from "../lib/addresses.ts";
import { addDays, weekdayNumber } from "../lib/time/local-date.ts";
import { parseWhen } from "../lib/time/parse-when.ts";
import { localDateOf } from "../lib/time/zoned.ts";
import type { MailCommand } from "./command-types.ts";

export const DEFAULT_PAUSE_DAYS = 7;
/** A name to brief on is a few words; a longer line is a sentence, so it is notes. */
const MAX_NAME_WORDS = 4;
/** Words that make "brief …" a sentence about a meeting rather than a person's name. */
const NOT_NAME_WORDS = new Set(
  "a about after an and at before call catch catchup chat coffee for from in intro introduction is lunch me meeting meet my notes note of on our re session summary sync that the this to today tomorrow update was we with yesterday"
    .split(" "),
);
const NAME_WORD = /^[\p{L}][\p{L}'’.-]*$/u;
const REPLY_PREFIX = /^(?:(?:re|aw|sv|antw|vs|ref)\s*(?:\[\d+\])?\s*:\s*)+/i;

/** A subject without "Re:"-style prefixes. Forwards ("Fwd:") are left alone: a forward is never a command. */
export function stripReplyPrefix(subject: string): string {
  return subject.replace(REPLY_PREFIX, "").trim();
}

function briefQuery(rest: string): string | null {
  const query = rest.trim().replace(/[?.!]+$/, "");
  if (isAddress(query)) return normalizeAddress(query);
  const words = query.split(/\s+/);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return null;
  if (!words.every((word) => NAME_WORD.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase()))) return null;
  return words.join(" ");
}

/** "monday", "mondays", "mon": a digest day. */
function weekday(word: string): number | null {
  return weekdayNumber(word.replace(/s$/, ""));
}

function hour(text: string): number | null {
  if (text === "noon" || text === "midday") return 12;
  const match = /^(\d{1,2})(?::00)?\s*(am|pm|h)?$/.exec(text);
  if (!match?.[1]) return null;
  let h = Number(match[1]);
  if (match[2] === "am" || match[2] === "pm") {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (match[2] === "pm" ? 12 : 0);
  }
  return h <= 23 ? h : null;
}

/** "monday 8am", "mon at 08:00", "8am on mondays", "friday", "9am". */
function digestTime(text: string): { weekday: number | null; hour: number | null } | null {
  const words = text.replace(/\b(?:at|on|every)\b/g, " ").replace(/(\d)\s+(am|pm)\b/g, "$1$2").trim().split(/\s+/);
  let day: number | null = null;
  let time: number | null = null;
  for (const word of words) {
    const asDay = weekday(word);
    const asHour = asDay === null ? hour(word) : null;
    if (asDay !== null && day === null) day = asDay;
    else if (asHour !== null && time === null) time = asHour;
    else return null;
  }
  return day === null && time === null ? null : { weekday: day, hour: time };
}

/** add address, remove address, confirm address, delete my account and its confirmation. */
function accountCommand(t: string): MailCommand | null {
  const change = /^(add|remove) (?:an? |my |the )?(?:e-?mail )?address:? (\S+)$/.exec(t);
  if (change?.[1] && change[2]) {
    const address = change[2].replace(/^<|>$/g, "");
    if (!isAddress(address)) return null;
    return { verb: change[1] === "add" ? "add_address" : "remove_address", address: normalizeAddress(address) };
  }
  const code = /^confirm address ([a-z2-7]{16})$/.exec(t);
  if (code?.[1]) return { verb: "confirm_address", code: code[1] };
  if (/^(?:delete|close|erase) my (?:tend )?account$/.test(t)) return { verb: "delete_account" };
  const confirm = /^confirm:? delete my account \(ref ([a-z0-9.]+)\)$/.exec(t);
  return confirm?.[1] ? { verb: "confirm_delete_account", ref: confirm[1] } : null;
}

export function parseMailCommand(line: string, now: number, timeZone: string): MailCommand | null {
  const original = line.trim().replace(/\s+/g, " ");
  const t = original.toLowerCase().replace(/[.!]+$/, "");
  if (/^(?:help|\?|commands|what can you do\??)$/.test(t)) return { verb: "help" };
  if (/^(?:pending|what'?s pending\??|open tasks)$/.test(t)) return { verb: "pending" };
  if (/^(?:export|export (?:my data|everything|all))$/.test(t)) return { verb: "export" };
  if (/^(?:settings|my settings|show settings)$/.test(t)) return { verb: "settings" };
  if (/^(?:resume|unpause|restart)(?: (?:the |my )?digests?)?$/.test(t)) return { verb: "resume" };

  const brief = /^brief(?: me)?(?: on| about)? (.+)$/i.exec(original);
  if (brief?.[1]) {
    const query = briefQuery(brief[1]);
    return query ? { verb: "brief", query } : null;
  }
  const confirm = /^confirm:? forget (\S+@\S+) \(ref ([a-z0-9.]+)\)$/.exec(t);
  if (confirm?.[1] && confirm[2] && isAddress(confirm[1])) {
    return { verb: "confirm_forget", address: normalizeAddress(confirm[1]), ref: confirm[2] };
  }
  const account = accountCommand(t);
  if (account) return account;
  const forget = /^forget (\S+)$/.exec(t);
  if (forget?.[1]) return isAddress(forget[1]) ? { verb: "forget", address: normalizeAddress(forget[1]) } : null;

  const setting = /^set (?:my )?(time ?zone|tz|digest|max(?:imum)?(?: items)?|empty(?: digests?)?|yes[- ]?mails?)(?: to| =|:)? (.+)$/i.exec(original);
  if (setting?.[1] && setting[2]) {
    const name = setting[1].toLowerCase();
    const value = setting[2].trim();
    if (name.startsWith("t")) return /^\S+$/.test(value) ? { verb: "set_timezone", timeZone: value } : null;
    if (name.startsWith("m")) return /^\d{1,3}$/.test(value) ? { verb: "set_max", max: Number(value) } : null;
    if (name.startsWith("e")) {
      const mode = value.toLowerCase();
      return mode === "note" || mode === "skip" ? { verb: "set_empty", mode } : null;
    }
    if (name.startsWith("y")) {
      const mode = value.toLowerCase();
      return mode === "on" || mode === "off" ? { verb: "set_yes_mail", on: mode === "on" } : null;
    }
    const when = digestTime(value.toLowerCase());
    return when ? { verb: "set_digest", ...when } : null;
  }

  const pause = /^pause(?: (?:the |my )?digests?)?(?: (.+))?$/.exec(t);
  if (pause) {
    const until = pause[1] ? parseWhen(pause[1], now, timeZone) : addDays(localDateOf(now, timeZone), DEFAULT_PAUSE_DAYS);
    return until ? { verb: "pause", until } : null;
  }
  return null;
}
