// The pages of one-click links: confirm (GET), result (POST), and what went wrong.
import type { LinkTarget, LinkVerb } from "../apply-link.ts";
import { SNOOZE_CHOICES_DAYS, STATE_AFTER } from "../apply-link.ts";
import { DEFAULT_SNOOZE_DAYS } from "../parse-digest-line.ts";
import { html } from "../../lib/html.ts";
import { hiddenField, itemBlock, type Page, paragraph, postForm, selectField } from "./pages.ts";

const QUESTION: Record<LinkVerb, { heading: string; button: string }> = {
  done: { heading: "Mark this as done?", button: "Mark as done" },
  snooze: { heading: "Snooze this suggestion?", button: "Snooze" },
  skip: { heading: "Skip this suggestion?", button: "Skip it" },
  never: { heading: "Stop suggesting this person?", button: "Never suggest them" },
};

const PAST: Record<LinkVerb, string> = { done: "done", snooze: "snoozed", skip: "skipped", never: "never again" };

/** The form field a choosing page's buttons post, one form per verb. */
export const VERB_FIELD = "verb";

function dayLabel(days: number): string {
  if (days === 7) return "a week";
  if (days === 14) return "two weeks";
  if (days === 30) return "a month";
  return `${days} days`;
}

export function confirmPage(target: LinkTarget): Page {
  const { item, verb } = target;
  const block = itemBlock(item.title, item.reason);
  if (target.alreadyApplied) {
    return { title: `Already ${PAST[verb]}`, heading: `Already ${PAST[verb]}`, body: html`${block}${paragraph("Nothing more to do here.")}` };
  }
  const fields = verb === "snooze" ? snoozeField() : html``;
  const question = QUESTION[verb];
  return {
    title: question.heading,
    heading: question.heading,
    body: html`${block}${postForm(question.button, fields)}${paragraph("Nothing changes until you press the button.", "note")}`,
  };
}

function snoozeField() {
  return selectField(
    "days",
    "Snooze for",
    SNOOZE_CHOICES_DAYS.map((days) => ({ value: String(days), label: dayLabel(days), selected: days === DEFAULT_SNOOZE_DAYS })),
  );
}

function verbForm(verb: LinkVerb, label: string, extra = html``) {
  return postForm(label, html`${hiddenField(VERB_FIELD, verb)}${extra}`);
}

/** The page of a digest's one link per item: done, snooze, skip or never, each its own form. GET only shows it. */
export function choosePage(target: LinkTarget): Page {
  const { item } = target;
  // Settled for good: opening the link again says so instead of asking again. A snoozed item may still be done.
  const settled = (["done", "skip", "never"] as const).find((verb) => item.state === STATE_AFTER[verb]);
  if (settled) return confirmPage({ ...target, verb: settled, alreadyApplied: true });
  const never = item.contactId ? verbForm("never", "Never suggest this person") : html``;
  return {
    title: "What should Tend do with this?",
    heading: "What should Tend do with this?",
    body: html`${itemBlock(item.title, item.reason)}${verbForm("done", "Done")}${verbForm("snooze", "Snooze", snoozeField())}${verbForm("skip", "Skip this one")}${never}${paragraph(
      "Nothing changes until you press a button.",
      "note",
    )}`,
  };
}

export function resultPage(target: LinkTarget, said: string): Page {
  return {
    title: `Tend: ${PAST[target.verb]}`,
    heading: said.includes("already") ? "Nothing to change" : `Marked ${PAST[target.verb]}`,
    body: html`${itemBlock(target.item.title, target.item.reason)}${paragraph(said)}${paragraph(
      "Changed your mind? Reply “undo” to your digest.",
      "note",
    )}`,
  };
}

export const LINK_PROBLEMS = {
  invalid: {
    status: 400,
    page: { title: "Link not valid", heading: "This link is not valid", body: paragraph("It may have been cut or changed on its way. Use the link in your digest, or reply to the digest instead.") },
  },
  expired: {
    status: 410,
    page: { title: "Link expired", heading: "This link has expired", body: paragraph("Links in a digest work for a few weeks. Reply to your latest digest instead.") },
  },
  gone: {
    status: 404,
    page: { title: "Suggestion gone", heading: "This suggestion is gone", body: paragraph("It was removed, perhaps because you asked Tend to forget someone. Nothing changed.") },
  },
} as const satisfies Record<string, { status: 400 | 404 | 410; page: Page }>;
