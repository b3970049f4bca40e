import { describe, expect, it } from "vitest";
import { noteItems, ownerOf, readNoteStructure } from "./notes.ts";

// A note written for this test in the shape people publish: headings, an agenda, owners as handles and initials.
const NOTE = [
  "# Weekly sync",
  "**Attendees**",
  "- @lena",
  "- @omar",
  "## Agenda",
  "- Review the hiring plan",
  "- Budget for Q3",
  "## Notes",
  "- Hiring plan looks good overall.",
  "- @omar will draft the job post by Friday",
  "- KW: I'll introduce you to SC this week",
  "- We need someone to own the onboarding doc",
  "## Where do you need help?",
  "- feedback on the pricing page",
  "## Next steps",
  "- Send the survey to customers",
  "- [ ] @lena: book the venue",
].join("\n");

function items(text: string): [string, string, string | null][] {
  return noteItems(readNoteStructure(text) ?? []).map((i) => [i.kind, i.line.text, i.owner]);
}

describe("notes by structure", () => {
  it("reads tasks and needs from sections, owners and forms; never from the agenda or the attendees", () => {
    expect(items(NOTE)).toEqual([
      ["action", "@omar will draft the job post by Friday", "omar"],
      ["action", "KW: I'll introduce you to SC this week", "KW"],
      ["need", "We need someone to own the onboarding doc", null],
      ["need", "feedback on the pricing page", null],
      ["action", "Send the survey to customers", null],
      ["action", "@lena: book the venue", "lena"],
    ]);
  });

  it("gives a line under someone's heading to that person", () => {
    const text = "### @ana\n#### Work this week\n- finish the export\n- fix the login bug\n- write the release notes";
    expect(items(text).map(([kind, , owner]) => [kind, owner])).toEqual([
      ["action", "ana"],
      ["action", "ana"],
      ["action", "ana"],
    ]);
  });

  it("reads a plain title above a list, and emphasis as markup", () => {
    const text = "Catch-up with Dana\n\nAction Items\n- draft the budget\n- **TODO**: renew the domain\n- _who owns the launch email?_";
    expect(items(text)).toEqual([
      ["action", "draft the budget", null],
      ["action", "TODO: renew the domain", null],
      ["need", "who owns the launch email?", null],
    ]);
  });

  it("leaves prose alone", () => {
    expect(readNoteStructure("Met Ana today. She is hiring a designer and wants an intro to Ben.")).toBeNull();
  });

  it("reads an owner from a handle, a label, a trailing name or the group", () => {
    expect(ownerOf("Ship it (@dev)")).toBe("dev");
    expect(ownerOf("JS: call the bank")).toBe("JS");
    expect(ownerOf("Clean up the wiki (maria)")).toBe("maria");
    expect(ownerOf("We will revisit in May")).toBe("everyone");
  });
  it("reads the discussion under an agenda's items when no notes section follows, but not an agenda outline", () => {
    const discussed = ["# Team meeting", "## Agenda items", "- Moving the docs", "    - create an issue to track the move", "    - we should not rush this", "- Speaker queue"].join("\n");
    expect(items(discussed)).toEqual([["action", "create an issue to track the move", null]]);
    const outline = ["## Agenda", "- Moving the docs", "  - create an issue to track the move", "## Notes", "- Docs move agreed."].join("\n");
    expect(items(outline)).toEqual([]);
    const cancelled = ["## Agenda", "- Release plan", "  - Victor, is there a build for us to try?", "- Website", "## Notes", ""].join("\n");
    expect(items(cancelled)).toEqual([["need", "Victor, is there a build for us to try?", null]]);
  });

  it("does not take design talk, questions or minutes narration for tasks", () => {
    const text = [
      "## Notes",
      "- We could put the dashboard on IPFS, and use that",
      "- Maybe we should move the docs to the wiki",
      "- Mat: How should we approach using the forum.",
      "- Jenn: Confirms can do it.",
      "- Bryan: The fund is there to send people to events.",
      "- Tracy: I have a rubric used before for conferences.",
      "- Tracy: Let's not delay the second group.",
      "- Matt: creating an issue on demos",
    ].join("\n");
    expect(items(text)).toEqual([["action", "Matt: creating an issue on demos", "Matt"]]);
  });

  it("reads asks for help by their form", () => {
    const text = [
      "## Notes",
      "- Ask from Brian: members please share email addresses",
      "- recommendations and experience needed",
      "- who would like to help out?",
      "- it just needs to be merged",
      "- erik: retire the old help repo - quick OK to act?",
      "- not needed for now",
      "- Christian, could we ask each project for an estimate",
      "- want to add public meetings to the calendar, let us know",
      "- if you have ideas please feel free to let us know",
    ].join("\n");
    expect(items(text).map(([kind, line]) => [kind, line])).toEqual([
      ["need", "Ask from Brian: members please share email addresses"],
      ["need", "recommendations and experience needed"],
      ["need", "who would like to help out?"],
      ["need", "it just needs to be merged"],
      ["need", "erik: retire the old help repo - quick OK to act?"],
      ["need", "Christian, could we ask each project for an estimate"],
      ["need", "want to add public meetings to the calendar, let us know"],
    ]);
    expect(items("## Notes\n- Discussion was positive, Myles to move it forward\n- a\n- b")[0]).toEqual(["action", "Discussion was positive, Myles to move it forward", null]);
  });
});
