import { expect, it } from "vitest";
import { parseCorrections } from "./corrections.ts";

it("reads the numbers to remove in the ways people write them", () => {
  expect(parseCorrections("wrong 2").wrong).toEqual([2]);
  expect(parseCorrections("Wrong 1, 3 and 4").wrong).toEqual([1, 3, 4]);
  expect(parseCorrections("2 is wrong\nremove #5").wrong).toEqual([2, 5]);
  expect(parseCorrections("delete: 7").wrong).toEqual([7]);
});

it("keeps everything else as the note", () => {
  expect(parseCorrections("wrong 2\nShe starts at Stripe in January, not March.")).toEqual({
    wrong: [2],
    note: "She starts at Stripe in January, not March.",
  });
  expect(parseCorrections("The wrong 2 people were invited").wrong).toEqual([]);
});
