// parse: the visible text of a reply or command mail becomes commands, one per
// line. What is not understood is kept verbatim, to be reported back.
import type { Command, CommandInput, ParsedCommands } from "./command-types.ts";
import { COMMAND_WORDS, normalizeLine, parseDigestLine } from "./parse-digest-line.ts";
import { parseMailCommand, stripReplyPrefix } from "./parse-mail-command.ts";
import { hasPrivateTag, isPrivateTagLine, markedPrivate, readPrivacy } from "../domain/privacy.ts";

export type { Command, CommandInput, ParsedCommands } from "./command-types.ts";

/** Lines of one mail read as commands; a longer mail is not a list of commands, and each line may write. */
export const MAX_COMMAND_LINES = 30;
/** A line echoed back as not understood is cut here, so a pasted essay does not fill the reply. */
const MAX_ECHO_CHARS = 160;
/** When the subject is the command, the body may hold a short greeting, not notes. */
const MAX_BODY_LINES_WITH_SUBJECT_COMMAND = 3;

const PLEASANTRY =
  /^(?:hi|hello|hey|dear)?(?: tend)?[,!]?$|^(?:thanks|thank you|thx|ty|cheers|best|regards|best regards|kind regards|many thanks|ok|okay|great|perfect|yes|yes please|sure|confirm|confirmed)(?: tend)?[\s,.!]*$/;
const SIGN_OFF = /^[\p{Lu}][\p{L}'’.-]*(?: [\p{Lu}][\p{L}'’.-]*){0,2}$|^[-–—~]\s*\S{1,20}$/u;

interface Line {
  text: string;
  /** Covered by the privacy rule: a note from it is stored private, and it is never echoed back. */
  private: boolean;
}

function lines(text: string): Line[] {
  const privacy = readPrivacy(text);
  return text
    .split(/\r\n?|\n/)
    .map((line, index) => ({ text: line.trim(), private: (privacy.lines[index] ?? false) || hasPrivateTag(line) }))
    .filter((line) => line.text !== "");
}

function echo(line: Line): string {
  if (line.private) return "(a line marked private, not quoted)";
  return line.text.length > MAX_ECHO_CHARS ? `${line.text.slice(0, MAX_ECHO_CHARS)}…` : line.text;
}

/** A note written under the privacy rule keeps a marker of its own, so the brief that shows notes knows. */
function withPrivacy(command: Command | null, line: Line): Command | null {
  return command?.verb === "note" && line.private ? { ...command, text: markedPrivate(command.text) } : command;
}

/** A closing line ("Maria", "- M") or a greeting: not a command, and not worth reporting. */
function isChatter(line: string, index: number, count: number): boolean {
  const t = normalizeLine(line);
  if (PLEASANTRY.test(t)) return true;
  const first = t.split(" ")[0] ?? "";
  return index === count - 1 && count > 1 && !COMMAND_WORDS.has(first) && SIGN_OFF.test(line.trim());
}

function readLines(
  all: Line[],
  parse: (line: string) => Command | null,
  into: ParsedCommands,
  reportUnknown: boolean,
): void {
  const read = all.slice(0, MAX_COMMAND_LINES);
  read.forEach((line, index) => {
    const command = withPrivacy(parse(line.text), line);
    if (command) into.commands.push(command);
    // A lone #private line is the rule's marker, not a command gone wrong.
    else if (reportUnknown && !isPrivateTagLine(line.text) && !isChatter(line.text, index, read.length)) into.notUnderstood.push(echo(line));
  });
  if (all.length > read.length) into.notUnderstood.push(`(${all.length - read.length} more lines were not read)`);
}

export function parseCommands(input: CommandInput): ParsedCommands {
  const { now, timeZone } = input;
  const out: ParsedCommands = { commands: [], notUnderstood: [] };
  const body = lines(input.text);
  if (input.kind === "digest_reply") {
    // Everything a mail to Tend understands works in a reply to a digest too ("set timezone …", "brief Ana").
    readLines(body, (line) => parseDigestLine(line, now, timeZone) ?? parseMailCommand(line, now, timeZone), out, true);
    return out;
  }
  const mailCommand = (line: string) => parseMailCommand(line, now, timeZone);
  const fromSubject = mailCommand(stripReplyPrefix(input.subject));
  if (fromSubject && body.length <= MAX_BODY_LINES_WITH_SUBJECT_COMMAND) {
    out.commands.push(fromSubject);
    // The body of a subject command is a greeting at most; only further commands in it count.
    readLines(body, mailCommand, out, false);
    return out;
  }
  readLines(body, mailCommand, out, true);
  return out;
}

/** True when a mail to Tend is a command (subject or first line), not notes. `text` is the visible text. */
export function isCommandMail(subject: string, text: string): boolean {
  const body = lines(text);
  const first = body[0]?.text;
  // Only whether a line is a command matters here, and that does not depend on the
  // clock: a time is recognised relative to any "now" (its range is checked when applied).
  const now = 0;
  if (first !== undefined && parseMailCommand(first, now, "UTC")) return true;
  return body.length <= MAX_BODY_LINES_WITH_SUBJECT_COMMAND && parseMailCommand(stripReplyPrefix(subject), now, "UTC") !== null;
}
