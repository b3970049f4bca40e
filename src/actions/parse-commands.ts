// Placeholder until the command parser lands.

/** One understood command; JSON-serialisable (inspect prints it). */
export interface Command {
  verb: string;
  [field: string]: unknown;
}

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

export function parseCommands(_input: CommandInput): ParsedCommands {
  return { commands: [], notUnderstood: [] };
}

/** True when a mail to Tend is a command (subject or first line), not notes. */
export function isCommandMail(_subject: string, _text: string): boolean {
  return false;
}
