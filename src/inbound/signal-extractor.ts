// Which signal extractor the pipeline uses by default (deterministic, offline).
import type { SignalExtractor } from "./understand.ts";

export const defaultSignalExtractor: SignalExtractor = () => [];
