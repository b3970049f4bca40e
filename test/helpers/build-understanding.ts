// An Understanding built field by field, for unit tests of the steps after
// understand(): planning the log, the acknowledgement, the message's keys.
import type { Classification } from "../../src/inbound/classify.ts";
import type { Understanding } from "../../src/inbound/understand.ts";
import type { Signal } from "../../src/model.ts";
import { SAM } from "./build-email.ts";

const NOTES: Classification = {
  kind: "notes",
  subaddress: null,
  reminder: null,
  recipients: [],
  direct: true,
  forwarded: null,
  invite: null,
  notUnderstood: [],
};

/** Sam's notes to Tend, about no one yet, with `overrides` on top. */
export function buildUnderstanding(overrides: Partial<Understanding> = {}): Understanding {
  return {
    kind: "notes",
    from: SAM,
    people: [],
    forwarded: null,
    introduction: null,
    text: "Coffee with Ana this morning.",
    forwardedText: "",
    signals: [],
    subject: "Coffee",
    messageId: "<m1@mail.gmail.com>",
    occurredAt: Date.UTC(2026, 10, 18, 17),
    classification: NOTES,
    invite: null,
    notUnderstood: [],
    ...overrides,
  };
}

/** A signal the user's own text gave, with `overrides` on top. */
export function buildSignal(overrides: Partial<Signal> = {}): Signal {
  const text = overrides.text ?? "I'll send Ana the hiring guide by Friday.";
  return {
    kind: "promise",
    person: null,
    aboutUser: true,
    text,
    due: null,
    sentence: text,
    private: false,
    tag: null,
    ...overrides,
  };
}
