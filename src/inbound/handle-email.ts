import type { Deps } from "../worker.ts";

export async function handleEmail(_message: ForwardableEmailMessage, _deps: Deps, _now: number): Promise<void> {}
