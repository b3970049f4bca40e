// Limits on untrusted mail. Each stops a specific way a message could exhaust
// the Worker's memory or CPU, or the database.

/** Raw message bytes read. Email Routing accepts 25 MiB; the text of notes and intros comes first and is far smaller, and a Worker has 128 MiB. Beyond this the rest (attachments, mostly) is not read. */
export const MAX_RAW_BYTES = 1024 * 1024;
/** MIME nesting depth; deeper trees are built to make recursive parsers blow the stack. */
export const MAX_MIME_NESTING_DEPTH = 32;
/** Header bytes across all parts; a few KiB is normal, megabytes are an attack on the parser. */
export const MAX_HEADERS_BYTES = 256 * 1024;
/** Attached messages parsed inline (a forward of a forward of a forward). */
export const MAX_RFC822_NESTING_DEPTH = 3;
/**
 * Characters of body text understood; the rest is kept out of regex-heavy
 * steps. Twice MAX_NOTE_CHARS: the note keeps at most that much of what the
 * user wrote, and the rest of this leaves room to find the quote or forward
 * header that ends it. Quote stripping (email-reply-parser) reads all of it, at
 * 0.5–1 ms of CPU per 1,000 characters and twice for a note (routing, then
 * understanding), so 100,000 characters cost a Worker over 100 ms for words no
 * note keeps (`npm run bench:inbound`).
 */
export const MAX_TEXT_CHARS = 40_000;
/** People logged from one message; a mail to a 500-person list is not 500 relationships. */
export const MAX_PEOPLE_PER_MESSAGE = 50;
/** Characters of a note stored on an interaction. */
export const MAX_NOTE_CHARS = 20_000;
/** Calendar attachment bytes handed to the iCalendar parser. */
export const MAX_ICS_BYTES = 256 * 1024;
/**
 * Elements open inside one another in an HTML part. html-to-text walks the tree
 * recursively and overflows the Worker's stack at about 2,500 levels (fewer for
 * tables and lists), which a 20 KB message reaches; real mail, newsletters with
 * tables in tables included, stays well under 100. Deeper tags are dropped, their text kept.
 */
export const MAX_HTML_NESTING_DEPTH = 128;
/** Characters of a subject kept. A subject is one line (RFC 5322 caps a line at 998 octets) and real ones are far shorter; a longer one only bloats every row, digest and reply that shows it. */
export const MAX_SUBJECT_CHARS = 998;
/** Characters of a display name kept; a name padded to the header limit would be stored on a contact and shown everywhere. */
export const MAX_NAME_CHARS = 200;
/**
 * Characters of text (what the user wrote and any forwarded message, together)
 * handed to the signal extractor. Its work grows with the text it reads, at
 * about 3 ms per 1,000 characters on one core (`npm run bench:inbound`), so a
 * pasted 100,000-character document would cost a Worker 300 ms; the longest
 * meeting notes in the public eval set are under 9,000. Well under
 * MAX_NOTE_CHARS, so every signal's sentence is in the note the user keeps.
 */
export const MAX_SIGNAL_TEXT_CHARS = 10_000;
