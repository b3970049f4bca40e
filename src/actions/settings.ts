// settings (pure): applying "set …", "pause" and "resume" to a user's settings,
// and showing them. The next digest time is recomputed whenever they change.
import type { UserSettings } from "../db/action-settings.ts";
import { nextDigestAt } from "../domain/digest-schedule.ts";
import { formatDay, formatDayTime } from "../lib/time/format.ts";
import { daysBetween, weekdayName } from "../lib/time/local-date.ts";
import { isTimeZone, localDateOf, startOfLocalDay } from "../lib/time/zoned.ts";
import type { Command, MailCommand } from "./command-types.ts";

/** The most suggestions a digest may hold; more is a flood, not a digest. */
export const MAX_DIGEST_ITEMS = 20;
/** A pause longer than a year is an unsubscribe; that has its own link. */
export const MAX_PAUSE_DAYS = 366;

export type SettingsCommand = Extract<
  MailCommand,
  { verb: "set_timezone" | "set_digest" | "set_max" | "set_empty" | "set_yes_mail" | "pause" | "resume" }
>;

export function isSettingsCommand(command: Command): command is SettingsCommand {
  return ["set_timezone", "set_digest", "set_max", "set_empty", "set_yes_mail", "pause", "resume"].includes(command.verb);
}

/** The zone as Intl spells it ("europe/berlin" → "Europe/Berlin"), or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  if (!isTimeZone(name)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
}

function withNextDigest(settings: UserSettings, now: number): UserSettings {
  const after = Math.max(now, settings.pausedUntil ?? 0);
  const next = nextDigestAt({ timeZone: settings.timeZone, weekday: settings.digestWeekday, hour: settings.digestHour }, after);
  return { ...settings, nextDigestAt: next };
}

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

export type SettingsResult = { ok: true; settings: UserSettings; said: string } | { ok: false; why: string };

export function applySettingsCommand(settings: UserSettings, command: SettingsCommand, now: number): SettingsResult {
  switch (command.verb) {
    case "set_timezone": {
      const zone = canonicalTimeZone(command.timeZone);
      if (!zone) return { ok: false, why: `“${command.timeZone}” is not a time zone I know. Use a name like Europe/Berlin, America/New_York or Asia/Tokyo.` };
      return { ok: true, settings: withNextDigest({ ...settings, timeZone: zone }, now), said: `Time zone set to ${zone}.` };
    }
    case "set_digest": {
      const weekday = command.weekday ?? settings.digestWeekday;
      const hour = command.hour ?? settings.digestHour;
      const next = withNextDigest({ ...settings, digestWeekday: weekday, digestHour: hour }, now);
      return { ok: true, settings: next, said: `Your digest now comes on ${weekdayName(weekday)}s at ${hourLabel(hour)}.` };
    }
    case "set_max":
      if (command.max < 1 || command.max > MAX_DIGEST_ITEMS) {
        return { ok: false, why: `a digest holds between 1 and ${MAX_DIGEST_ITEMS} suggestions; ${command.max} is outside that.` };
      }
      return { ok: true, settings: { ...settings, maxItems: command.max }, said: `A digest now holds at most ${command.max} suggestions.` };
    case "set_empty":
      return {
        ok: true,
        settings: { ...settings, emptyDigest: command.mode },
        said: command.mode === "skip" ? "A week with nothing to suggest now sends nothing." : "A week with nothing to suggest now sends a short note.",
      };
    case "set_yes_mail":
      return {
        ok: true,
        settings: { ...settings, optInMail: command.on },
        said: command.on
          ? "When someone says yes to an introduction you asked about, Tend now also mails you the same day."
          : "A yes to an introduction you asked about now waits for your digest.",
      };
    case "pause": {
      if (daysBetween(localDateOf(now, settings.timeZone), command.until) > MAX_PAUSE_DAYS) {
        return { ok: false, why: "a pause can last up to a year; to stop digests altogether, use the unsubscribe link in any digest." };
      }
      const pausedUntil = startOfLocalDay(command.until, settings.timeZone);
      const next = withNextDigest({ ...settings, pausedUntil }, now);
      return { ok: true, settings: next, said: `Digests paused until ${formatDay(pausedUntil, settings.timeZone, now)}.` };
    }
    default:
      return {
        ok: true,
        settings: withNextDigest({ ...settings, pausedUntil: null, unsubscribedAt: null }, now),
        said: "Digests resumed.",
      };
  }
}

export function composeSettings(settings: UserSettings, addresses: readonly string[], now: number): string {
  const zone = settings.timeZone;
  const paused = settings.pausedUntil !== null && settings.pausedUntil > now;
  const lines = [
    `Time zone: ${zone}`,
    `Digest: ${weekdayName(settings.digestWeekday)}s at ${hourLabel(settings.digestHour)}`,
    `Suggestions per digest: at most ${settings.maxItems}`,
    `A week with nothing to suggest: ${settings.emptyDigest === "skip" ? "sends nothing" : "sends a short note"}`,
    `Someone says yes to an introduction you asked about: ${settings.optInMail ? "a short mail the same day, and the digest" : "in your digest (set yes-mail on for a mail the same day)"}`,
  ];
  if (settings.unsubscribedAt !== null) lines.push("Digests: unsubscribed (email “resume” to get them again)");
  else if (paused && settings.pausedUntil !== null) lines.push(`Digests: paused until ${formatDay(settings.pausedUntil, zone, now)}`);
  if (settings.unsubscribedAt === null && settings.nextDigestAt !== null) {
    lines.push(`Next digest: ${formatDayTime(settings.nextDigestAt, zone, now)}`);
  }
  lines.push(`Addresses Tend accepts from you: ${addresses.join(", ")}`);
  return `Your settings\n${lines.map((line) => `  ${line}`).join("\n")}`;
}
