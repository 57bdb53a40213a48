import type { CallSettings } from '../model/call-settings.js';
import type { Config } from './config-schema.js';

/**
 * The call settings every model call takes from the configuration: the retry policy, the time
 * limits, and what is handed to the AI SDK as it is (`providerOptions`, telemetry). Pure.
 */
export function callPassthrough(
  config: Pick<Config, 'retry' | 'timeouts' | 'providerOptions' | 'telemetry'>,
): Pick<CallSettings, 'retry' | 'timeouts' | 'providerOptions' | 'telemetry'> {
  const { enabled, functionId, recordInputs, recordOutputs } = config.telemetry;
  return {
    retry: config.retry,
    timeouts: config.timeouts,
    providerOptions: config.providerOptions as CallSettings['providerOptions'],
    telemetry: { isEnabled: enabled, functionId, recordInputs, recordOutputs },
  };
}
