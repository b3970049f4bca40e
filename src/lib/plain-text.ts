// Text as Tend stores and shows it. Control characters in mail (NUL, escape
// sequences, backspace) carry no meaning a person wrote; stored, they break
// names and commands, and echoed, they reach terminals, logs and mail clients.

/** Removes control characters, keeping tabs and line feeds. */
export function withoutControlCharacters(text: string): string {
  return text.replace(/(?![\t\n])\p{Cc}/gu, "");
}

/** One line: control characters go, and any line break or tab becomes a space. */
export function oneLine(text: string): string {
  return withoutControlCharacters(text.replace(/[\t\n\r]+/g, " "));
}

/** At most `maxChars` UTF-16 units, never ending in half a surrogate pair. */
export function truncateChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
