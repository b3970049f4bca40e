// Limits on an address book mailed to Tend. Each keeps one import inside what a
// Worker and D1 allow, or stops a file from costing more than a real one would.
import { DAY_MS } from "../../model.ts";

/**
 * Bytes of a message that carries an address book read by the email() edge
 * (other mail stops at inbound/limits.ts MAX_RAW_BYTES). A 10,000-row Google
 * CSV is about 2.5 MB, 3.4 MB once base64-encoded in a mail; Email Routing
 * accepts 25 MiB, and a Worker has 128 MB of memory for the bytes, the decoded
 * file and its rows.
 */
export const MAX_IMPORT_MESSAGE_BYTES = 12 * 1024 * 1024;
/** Bytes of the address-book file itself, after transfer decoding. */
export const MAX_IMPORT_FILE_BYTES = 8 * 1024 * 1024;
/** People in one file. Real address books and LinkedIn exports stay under this; more is not one person's network. */
export const MAX_IMPORT_ROWS = 20_000;
/**
 * Rows with an unbalanced quote before the file is refused as a whole: each one
 * makes the CSV reader start again on the next line, and a file that is mostly
 * broken is better answered in one sentence than imported in pieces.
 */
export const MAX_MALFORMED_ROWS = 50;
/** Lines searched for a CSV's header row: LinkedIn puts a few lines of notes above it. */
export const MAX_PREAMBLE_LINES = 20;
/**
 * Rows one queue job merges. Each chunk is one JSON parameter for each of ~6
 * statements (D1: 100 bound parameters, 2 MB per value, 1,000 queries per
 * invocation on Workers Paid and 50 on Free), and 1,000 people of ~300 bytes
 * each stay well under a value's 2 MB.
 */
export const IMPORT_CHUNK_ROWS = 1_000;
/** Addresses kept per person; address books hold two or three, a hundred is not one person. */
export const MAX_ADDRESSES_PER_CONTACT = 5;
/** Characters kept of a name, company or position. */
export const MAX_FIELD_CHARS = 200;
/** Characters kept of a contact's notes. */
export const MAX_NOTES_CHARS = 2_000;
/** Rows not understood listed by line in the reply; the rest are counted. */
export const MAX_PROBLEMS_LISTED = 50;
/**
 * New check-ins an import adds to each week. A weekly digest shows seven items
 * by default; three leaves room for promises and introductions, and a
 * thousand-person address book comes back to mind a few people at a time.
 */
export const IMPORTED_CHECK_INS_PER_WEEK = 3;
export const WEEK_MS = 7 * DAY_MS;
