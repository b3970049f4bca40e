// The pages of the List-Unsubscribe link (RFC 8058).
import { html } from "../../lib/html.ts";
import { hiddenField, type Page, paragraph, postForm } from "./pages.ts";

/** The body RFC 8058 one-click unsubscribe POSTs; the page's form posts exactly this. */
export const ONE_CLICK_FIELD = "List-Unsubscribe";
export const ONE_CLICK_VALUE = "One-Click";

export function unsubscribeConfirmPage(alreadyUnsubscribed: boolean): Page {
  if (alreadyUnsubscribed) {
    return {
      title: "Unsubscribed",
      heading: "You are unsubscribed",
      body: paragraph("Tend sends you no digests. To get them again, email “resume” to Tend."),
    };
  }
  return {
    title: "Unsubscribe",
    heading: "Stop the weekly digest?",
    body: html`${paragraph("Tend will stop sending you its weekly digest. It keeps what it knows, and still answers when you write to it.")}${postForm(
      "Unsubscribe",
      hiddenField(ONE_CLICK_FIELD, ONE_CLICK_VALUE),
    )}${paragraph("Nothing changes until you press the button.", "note")}`,
  };
}

export function unsubscribedPage(): Page {
  return {
    title: "Unsubscribed",
    heading: "You are unsubscribed",
    body: paragraph("Tend will send you no more digests. To get them again, email “resume” to Tend."),
  };
}
