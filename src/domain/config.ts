// Env vars and secrets, validated once at the edge into Tend's Config.
import { z } from "zod";
import { isAddress, normalizeAddress } from "../lib/addresses.ts";

const MIN_SIGNING_KEY_CHARS = 16;

const addressList = z
  .string()
  .transform((value) => value.split(/[\s,]+/).filter(Boolean).map(normalizeAddress))
  .pipe(z.array(z.string().refine(isAddress, "not an email address")));

const EnvSchema = z.object({
  TEND_ADDRESS: z.string().transform(normalizeAddress).pipe(z.string().refine(isAddress, "not an email address")),
  OWNERS: addressList,
  PUBLIC_URL: z.url().transform((url) => url.replace(/\/+$/, "")),
  SIGNING_KEY: z.string().min(MIN_SIGNING_KEY_CHARS, `must be at least ${MIN_SIGNING_KEY_CHARS} characters`),
  ALLOW_UNAUTHENTICATED_SENDERS: z
    .enum(["true", "false", ""])
    .optional()
    .transform((value) => value === "true"),
});

export interface Config {
  tendAddress: string;
  owners: readonly string[];
  publicUrl: string;
  signingKey: string;
  /** Local development only: skip the Authentication-Results check. */
  allowUnauthenticatedSenders: boolean;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: unknown): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Tend is misconfigured: ${problems.join("; ")}`);
  }
  const vars = parsed.data;
  return {
    tendAddress: vars.TEND_ADDRESS,
    owners: vars.OWNERS,
    publicUrl: vars.PUBLIC_URL,
    signingKey: vars.SIGNING_KEY,
    allowUnauthenticatedSenders: vars.ALLOW_UNAUTHENTICATED_SENDERS,
  };
}
