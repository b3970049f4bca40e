import type { Deps } from "../worker.ts";

export async function runHourly(_deps: Deps, _now: number): Promise<void> {}
