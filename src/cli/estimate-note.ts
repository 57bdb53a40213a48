import type { CallUsage } from '../model/usage-meter.js';

/**
 * What a usage line adds when some of its counts are quire's own (the server reported none):
 * empty for usage a server reported. Pure.
 */
export function estimateNote(usage: CallUsage): string {
  if (!usage.estimated) return '';
  return ` (estimated by quire, ${usage.estimated.tokenizer}: the server reported no usage)`;
}
