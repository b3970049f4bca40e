// The optional Workers AI extractor. The model reads the public sentences and
// answers in a JSON schema; zod checks the answer, our own code resolves people
// and dates, and any failure (a throw, a timeout, bad JSON, a wrong shape)
// falls back to the deterministic extractor. Private sentences never leave:
// their signals always come from the deterministic extractor.
import { z } from "zod";
import { findDate } from "../../lib/time/text-dates.ts";
import type { AiBinding } from "../../lib/workers-ai.ts";
import { SIGNAL_KINDS, type Signal, type SignalKind } from "../../model.ts";
import { extractSignals, type SignalInput } from "./extract-signals.ts";
import { normalizeTag } from "./interests.ts";
import { createPeopleResolver } from "./resolve-person.ts";
import { foldQuotes, splitSentences } from "./sentences.ts";


export interface AiExtractorOptions {
  model?: string;
  timeoutMs?: number;
}

export interface AiExtraction {
  signals: Signal[];
  source: "ai" | "deterministic";
  /** Why the model's answer was not used; null when it was. */
  failure: string | null;
}

export const DEFAULT_AI_MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
// The queue consumer has minutes, but a digest waits on it: a slow model is a failed one.
export const AI_TIMEOUT_MS = 20_000;
// Bounds what one message can make the model claim, whatever it was told.
const MAX_AI_SIGNALS = 50;
const MAX_AI_TEXT_CHARS = 300;
const SHORT_TEXT_MAX_CHARS = 140;

const AiSignalSchema = z.object({
  kind: z.enum(SIGNAL_KINDS),
  sentence: z.number().int().min(0),
  person: z.string().max(200).nullable(),
  text: z.string().min(1).max(MAX_AI_TEXT_CHARS),
  when: z.string().max(100).nullable(),
  tag: z.string().max(60).nullable(),
});
const AiAnswerSchema = z.object({ signals: z.array(AiSignalSchema).max(MAX_AI_SIGNALS) });
const AI_ANSWER_JSON_SCHEMA = z.toJSONSchema(AiAnswerSchema);

const INSTRUCTIONS = `You read notes and emails for a networking assistant and list signals about people.
Kinds:
- promise: the user committed to do something ("I'll send you the deck by Friday").
- ask: someone asked the user to do something ("could you review the draft?").
- waiting_on: someone other than the user committed to do something for the user.
- need: a person's need or goal ("hiring a designer", "raising a seed round", "looking for a new role").
- offer: what a person can give: expertise or an offer to help.
- life_event: a move, new job, baby, wedding, birthday, thesis defence, illness, loss.
- interest: a topic a person cares about; tag is one or two lowercase words.
- follow_up: the user wants to be reminded ("follow up in 3 weeks").
Rules: "sentence" is the id of the sentence it comes from. "person" is "user" for the user,
else a participant's name exactly as listed, else null when unsure. Never guess.
"when" is the date phrase exactly as written in the sentence ("by Friday", "May 4"), else null.
Small talk, scheduling and thanks are not signals. Answer with JSON only.`;

class AiTimeoutError extends Error {
  override name = "AiTimeoutError";
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AiTimeoutError(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Workers AI answers `{ response }`, as an object in JSON mode or as a string otherwise. */
function answerOf(raw: unknown): unknown {
  const response = typeof raw === "object" && raw !== null && "response" in raw ? raw.response : raw;
  return typeof response === "string" ? JSON.parse(response) : response;
}

function shortText(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SHORT_TEXT_MAX_CHARS ? `${flat.slice(0, SHORT_TEXT_MAX_CHARS - 1).trimEnd()}…` : flat;
}

const START_DATED: ReadonlySet<SignalKind> = new Set(["life_event", "follow_up"]);

export async function extractSignalsWithAi(
  ai: AiBinding,
  input: SignalInput,
  options: AiExtractorOptions = {},
): Promise<AiExtraction> {
  const deterministic = extractSignals(input);
  const fallback = (failure: string): AiExtraction => ({ signals: deterministic, source: "deterministic", failure });
  // The same sentences, and the same privacy, as the deterministic reading: their ids are the model's references.
  const sentences = splitSentences(foldQuotes(input.text), { private: input.private === true });
  const shared = sentences.map((s, id) => ({ id, text: s.text, private: s.private })).filter((s) => !s.private);
  if (shared.length === 0) return fallback("nothing public to send");

  const people = createPeopleResolver(input);
  const participants = input.people
    .filter((p) => p.name || p.address)
    .map((p) => ({ name: p.name ?? p.address, role: p.role }));
  const message = {
    writtenBy: input.authorIsUser ? "the user" : (input.author.name ?? input.author.address ?? "someone else"),
    user: input.userName,
    participants,
    sentences: shared.map(({ id, text }) => ({ id, text })),
  };

  let answer: z.infer<typeof AiAnswerSchema>;
  try {
    const raw = await withTimeout(
      ai.run(options.model ?? DEFAULT_AI_MODEL, {
        messages: [
          { role: "system", content: INSTRUCTIONS },
          { role: "user", content: JSON.stringify(message) },
        ],
        response_format: { type: "json_schema", json_schema: AI_ANSWER_JSON_SCHEMA },
      }),
      options.timeoutMs ?? AI_TIMEOUT_MS,
    );
    const parsed = AiAnswerSchema.safeParse(answerOf(raw));
    if (!parsed.success) return fallback(`wrong shape: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    answer = parsed.data;
  } catch (error) {
    return fallback(error instanceof Error ? `${error.name}: ${error.message}` : "model failed");
  }

  const byId = new Map(shared.map((s) => [s.id, s.text]));
  const signals: Signal[] = [];
  for (const found of answer.signals) {
    const sentence = byId.get(found.sentence);
    // A sentence we did not send is a made-up answer: trust none of it.
    if (sentence === undefined) return fallback(`unknown sentence ${found.sentence}`);
    const who = found.person === null ? null : found.person.trim().toLowerCase() === "user" ? "user" : people.label(found.person);
    const aboutUser = who === "user" || (who !== null && who[0]?.type === "user");
    // Whom the user's own promise is to is read by our rules, never by the model's guess.
    const counterpart = aboutUser
      ? (deterministic.find((s) => s.aboutUser && s.kind === found.kind && s.sentence === sentence)?.person ?? null)
      : null;
    const named = who !== null && who !== "user" && who[0]?.type === "person" ? who[0].person : null;
    const person = aboutUser ? counterpart : named;
    // A date counts only when its words are in the sentence, resolved by our own calendar.
    const phrase = found.when && sentence.toLowerCase().includes(found.when.toLowerCase()) ? found.when : null;
    const mode = START_DATED.has(found.kind) ? "start" : "deadline";
    signals.push({
      kind: found.kind,
      person,
      aboutUser,
      text: shortText(found.text),
      due: phrase ? (findDate(phrase, input.sentAt, input.timeZone, { mode })?.date ?? null) : null,
      sentence,
      private: false,
      tag: found.kind === "interest" ? normalizeTag(found.tag ?? found.text) || null : null,
    });
  }
  return { signals: [...signals, ...deterministic.filter((s) => s.private)], source: "ai", failure: null };
}
