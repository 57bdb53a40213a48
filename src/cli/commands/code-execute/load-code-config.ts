import type { CodeRunRecord } from '../../../code/run/code-run-record.js';
import type { Config } from '../../../config/config-schema.js';
import type { CliIo } from '../../cli-io.js';
import { loadCommandConfig } from '../../command-config.js';
import type { CodeOptions } from '../code-options.js';

/**
 * The configuration of a code run: the flags of `quire code` over the config file, over the
 * model and code settings a resumed run recorded (`record`).
 */
export async function loadCodeConfig({
  options,
  io,
  record,
}: {
  options: CodeOptions;
  io: CliIo;
  /** The run's `run.json` when resuming. */
  record: CodeRunRecord | undefined;
}): Promise<Config> {
  return loadCommandConfig({
    options,
    io,
    base: record ? { model: record.model.spec, code: record.config } : {},
    flags: {
      code: {
        maxSteps: options.maxSteps,
        maxTurns: options.maxTurns,
        maxStepTokens: options.maxStepTokens,
        conversationTokens: options.conversationTokens,
        maxRestarts: options.maxRestarts,
        repeatLimit: options.repeatLimit,
        testTimeoutMs: options.testTimeout,
        memoryLimitMb: options.memoryLimit,
        diskQuotaMb: options.diskQuota,
        temperature: options.temperature,
      },
    },
  });
}
