import type { SharedV3ProviderOptions } from '@ai-sdk/provider';
import type { LanguageModel, TelemetrySettings } from 'ai';
import type { Clock } from '../util/clock.js';
import type { CallPool } from './call-pool.js';
import type { ContextWindow } from './context/context-window.js';
import type { RetrySettings, TimeoutSettings } from './retry-settings.js';
import type { UsageMeter } from './usage-meter.js';
import type { RetryEvent } from './with-retry.js';

/** A model object (not a registry string): quire always resolves specs itself. */
export type ModelObject = Exclude<LanguageModel, string>;

/** What every model call needs besides its prompt. Agents pass it through unchanged. */
export interface CallSettings {
  model: ModelObject;
  retry?: RetrySettings;
  timeouts?: TimeoutSettings;
  /** Fires on Ctrl-C: the call in flight stops and no retry follows. */
  abortSignal?: AbortSignal;
  /** Receives the usage of every call. */
  meter?: UsageMeter;
  /** The run's context window: replies are fitted to it, and it learns from refusals. */
  window?: ContextWindow;
  clock?: Clock;
  /** Shared by the run's concurrent calls: bounds them and spreads a rate limit to all. */
  pool?: CallPool;
  onRetry?: (event: RetryEvent) => void;
  /** Output tokens added to every limited call for the model's thinking (see `thinkingAllowance`). */
  thinkingTokens?: number;
  /** Receives the thinking of every reply that was used, when it thought (kept beside the text). */
  onThinking?: (thinking: string) => void;
  /** Sent with every request as the AI SDK's `providerOptions` (from config `providerOptions`). */
  providerOptions?: SharedV3ProviderOptions;
  /** The AI SDK's `experimental_telemetry`, so OpenTelemetry users see each call (config `telemetry`). */
  telemetry?: TelemetrySettings;
}

/** The prompt of one call: a system message and one user message. */
export interface CallPrompt {
  system?: string;
  prompt: string;
  maxOutputTokens?: number;
  temperature?: number;
  /** Sampling seed sent to the provider: draws several different replies to one prompt reproducibly. */
  seed?: number;
}
