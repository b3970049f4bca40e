// What Tend understood from a reply or a command mail. Plain JSON, so the
// `inspect` CLI can print it and tests can compare it.

/** Items named in a digest reply: numbers as shown, or every open item. */
export type ItemRef = number[] | "all";

export type DigestCommand =
  | { verb: "done"; items: ItemRef }
  | { verb: "skip"; items: ItemRef }
  | { verb: "never"; items: ItemRef }
  /** until: the local date (YYYY-MM-DD, user's zone) the item may come back. */
  | { verb: "snooze"; items: ItemRef; until: string }
  | { verb: "note"; item: number; text: string }
  /** days: null puts the person back on the rhythm Tend learned. */
  | { verb: "cadence"; item: number; days: number | null }
  /** Gives a person named only in notes (a pending contact) their address. */
  | { verb: "link"; item: number; address: string }
  | { verb: "undo" };

export type MailCommand =
  | { verb: "help" }
  | { verb: "brief"; query: string }
  | { verb: "pending" }
  | { verb: "export" }
  | { verb: "forget"; address: string }
  | { verb: "confirm_forget"; address: string; ref: string }
  | { verb: "settings" }
  /** Validated when applied, so a wrong zone is answered, not ignored. */
  | { verb: "set_timezone"; timeZone: string }
  /** null: keep the current day (or hour). */
  | { verb: "set_digest"; weekday: number | null; hour: number | null }
  | { verb: "set_max"; max: number }
  | { verb: "set_empty"; mode: "note" | "skip" }
  | { verb: "set_yes_mail"; on: boolean }
  | { verb: "pause"; until: string }
  | { verb: "resume" }
  /** Asks Tend to mail a code that a message from `address` must carry to join the account. */
  | { verb: "add_address"; address: string }
  | { verb: "remove_address"; address: string }
  /** "confirm address <code>" sent from an address already on the account: it must come from the new one. */
  | { verb: "confirm_address"; code: string }
  | { verb: "delete_account" }
  | { verb: "confirm_delete_account"; ref: string };

export type Command = DigestCommand | MailCommand;

export interface ParsedCommands {
  commands: Command[];
  /** Lines that were not understood, verbatim, to report back (never guessed). */
  notUnderstood: string[];
}

export interface CommandInput {
  /** "digest_reply": lines of a reply to a digest; "command": a mail to Tend whose subject or first line is a command. */
  kind: "digest_reply" | "command";
  subject: string;
  /** Visible text (quotes and signature removed). */
  text: string;
  now: number;
  timeZone: string;
}
