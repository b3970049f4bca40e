import { describe, expect, it } from "vitest";
import { JobSchema } from "../domain/jobs.ts";
import { retryDelaySeconds } from "./consume-jobs.ts";

describe("retryDelaySeconds", () => {
  it("backs off exponentially from a minute, capped at an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(retryDelaySeconds)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });
});

describe("JobSchema", () => {
  const digest = { userId: "u1", scheduledFor: 1, week: "2026-W49" };
  it("reads each kind, and a digest job from before jobs carried a kind", () => {
    expect(JobSchema.parse({ kind: "digest", ...digest })).toEqual({ kind: "digest", ...digest });
    expect(JobSchema.parse(digest)).toEqual({ kind: "digest", ...digest });
    expect(JobSchema.parse({ kind: "extract", userId: "u1", interactionId: "i1" }).kind).toBe("extract");
  });
  it("refuses an unknown kind or a malformed body", () => {
    expect(JobSchema.safeParse({ kind: "mystery", ...digest }).success).toBe(false);
    expect(JobSchema.safeParse({ kind: "extract", userId: "u1" }).success).toBe(false);
    expect(JobSchema.safeParse("digest").success).toBe(false);
  });
});
