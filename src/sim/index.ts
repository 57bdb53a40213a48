/**
 * quire's simulated model, the `quire/sim` entry point: an offline `LanguageModelV3` and an
 * OpenAI-compatible server for tests and benchmarks, kept out of the main entry as `ai/test`
 * is kept out of `ai`.
 */
export { createSimModel } from './create-sim-model.js';
export { type SimServer, startSimServer } from './start-sim-server.js';
