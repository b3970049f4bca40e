// The Workers AI binding, seen through the one method the extractor needs.

/** The part of the `AI` binding Tend uses; wrap `env.AI` with workersAi to get one. */
export interface AiBinding {
  run(model: string, input: Record<string, unknown>): Promise<unknown>;
}

/**
 * Ai.run is typed per model name; the extractor sends a JSON-schema prompt and
 * checks the answer with zod, so this untyped call is the honest boundary.
 */
export function workersAi(ai: Ai): AiBinding {
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion
  return { run: (model, input) => ai.run(model as keyof AiModels, input as never) };
}
