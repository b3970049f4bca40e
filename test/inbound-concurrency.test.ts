// Messages delivered at the same moment, through the real email() handler, as
// Email Routing delivers them under load (`npm run load` found the race below).
import { beforeEach, describe, expect, it } from "vitest";
import { inlineMessage, SAM, TEND } from "./helpers/mail.ts";
import { countRows, resetDatabase } from "./helpers/rows.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const envelope = { from: SAM.address, to: TEND };

describe("concurrent delivery", () => {
  it("logs four messages naming the same new person at once: all stored, one contact", async () => {
    const { deliver } = testWorker({ now: () => Date.parse("2026-11-23T20:00:00Z") });
    const messages = [1, 2, 3, 4].map((n) =>
      inlineMessage({ subject: `Coffee ${n}`, messageId: `<race-${n}@mail.gmail.com>`, body: `Coffee number ${n} with Ana Lima <ana@lumen.studio>. She is hiring.` }),
    );
    await Promise.all(messages.map((raw) => deliver(raw, envelope)));
    expect(await countRows("interactions")).toBe(4);
    expect(await countRows("contacts")).toBe(1);
    expect(await countRows("contact_addresses")).toBe(1);
    expect(await countRows("interaction_participants")).toBe(4);
  });
});
