// Which signal extractor the pipeline uses by default: deterministic and
// offline. The optional Workers AI extractor runs later, from the queue.
import { extractSignals } from "./signals/extract-signals.ts";
import type { SignalExtractor } from "./understand.ts";

export const defaultSignalExtractor: SignalExtractor = extractSignals;
