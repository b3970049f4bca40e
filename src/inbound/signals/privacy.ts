// What the user told in confidence: kept, but never quoted nor sent to a model.

const PRIVATE_LINE = /^\s*private\s*:\s*/i;
const PRIVATE_TAG = /(^|[^\p{L}\p{N}_])#private\b/iu;

/** The length of a leading "private:" marker, or 0. */
export function privateLinePrefixLength(line: string): number {
  return PRIVATE_LINE.exec(line)?.[0].length ?? 0;
}

export function hasPrivateTag(sentence: string): boolean {
  return PRIVATE_TAG.test(sentence);
}
