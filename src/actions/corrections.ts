// Replies to an acknowledgement: "wrong 2" removes what Tend misunderstood;
// anything else the user writes is kept as a note on the interaction.

/** How a correction shows among a message's commands (inspect prints it). */
export interface CorrectionCommand {
  verb: "wrong";
  items: number[];
}

export interface Corrections {
  /** 1-based numbers of the understood items to remove. */
  wrong: number[];
  /** The rest of the reply, kept as a note. */
  note: string;
}

const WRONG = /^(?:wrong|remove|delete|not right|incorrect)\s*[:#]?\s*((?:\d+[\s,&]*(?:and\s+)?)+)$|^((?:\d+[\s,&]*(?:and\s+)?)+)\s*(?:is\s+)?(?:wrong|incorrect)$/i;

export function parseCorrections(text: string): Corrections {
  const wrong = new Set<number>();
  const kept: string[] = [];
  for (const line of text.split("\n")) {
    const match = line.trim().match(WRONG);
    const numbers = match?.[1] ?? match?.[2];
    if (numbers) {
      for (const n of numbers.match(/\d+/g) ?? []) wrong.add(Number(n));
    } else {
      kept.push(line);
    }
  }
  return { wrong: [...wrong].toSorted((a, b) => a - b), note: kept.join("\n").trim() };
}
