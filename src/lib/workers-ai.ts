// The Workers AI binding, seen through the one method the extractor needs.
import type { AiBinding } from "../inbound/signals/ai-extractor.ts";

/**
 * Ai.run is typed per model name; the extractor sends a JSON-schema prompt and
 * checks the answer with zod, so this untyped call is the honest boundary.
 */
export function workersAi(ai: Ai): AiBinding {
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion
  return { run: (model, input) => ai.run(model as keyof AiModels, input as never) };
}
