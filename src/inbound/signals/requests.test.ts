import { describe, expect, it } from "vitest";
import { findRequest } from "./requests.ts";

// Sentences written for these tests (not taken from the eval sets), one per form.
describe("findRequest", () => {
  it.each([
    ["Please send the signed copy to Maria.", "imperative"],
    ["Marco, forward the invoice to accounts today.", "imperative"],
    ["OK--review the numbers before the board call.", "imperative"],
    ["Could you check the figures in tab 3", "modal_question"],
    ["Can we go over the budget on Monday?", "modal_question"],
    ["Who owns the vendor contract now?", "question"],
    ["I was wondering whether the permits came through.", "indirect"],
    ["We would appreciate a short summary of the audit.", "indirect"],
    ["I need the signed lease by Friday.", "indirect"],
    ["Let me know which option the client prefers.", "let_me_know"],
    ["Let's split the list between the two teams.", "lets"],
    ["You might want to loop in legal before signing.", "suggestion"],
    ["She said you should call the bank first.", "reported"],
    ["The forms must be returned by the 15th.", "deadline"],
  ])("reads %j as a request (%s)", (sentence, form) => {
    expect(findRequest(sentence)?.form).toBe(form);
  });

  it.each([
    "If you have any questions, please let me know.",
    "Call me on my cell if you need anything.",
    "Feel free to share the deck with your team.",
    "Attached please find the revised schedule.",
    "Please join us in welcoming Priya to the team.",
    "Have a great weekend!",
    "Remember our chat at the offsite?",
    "I will send the revised draft tomorrow.",
    "Would you mind if I brought my colleague?",
    "Kannst du mir bis Freitag Bescheid geben?",
    "The shipment arrived this morning.",
    "Hi Dana, how are you?",
    "How was the trip to Lisbon?",
    "Lovely to meet you yesterday. Let's stay in touch.",
    "Let's keep each other posted.",
  ])("reads %j as no request", (sentence) => {
    expect(findRequest(sentence)).toBeNull();
  });
});
