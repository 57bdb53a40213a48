/**
 * Keys quire no longer reads, with what replaced them. A config file or flag that still uses
 * one fails with this message instead of "unknown key".
 */
export const retiredKeys: Readonly<Record<string, string>> = {
  'write.contextTokens':
    "was removed: set model.contextTokens (or --context-tokens) to the model's context window, prompt and reply together; quire fits each step's prompt and reply into it",
  'write.memory':
    "was replaced by write.ledger: 'model' (one structured call per section keeps a typed fact ledger) or 'rule' (no extra call)",
  'code.contextTokens':
    "was renamed code.conversationTokens (or --conversation-tokens): the largest step conversation before it is summarised; model.contextTokens is the model's context window",
};

/**
 * The settings a run recorded, brought up to date for resuming it: a retired key is renamed
 * to its successor, or dropped when it has none, and a run from before the quality levels keeps
 * the single pass it was started with. A run's own record is not the user's input,
 * so it is migrated rather than refused. Pure.
 */
export function migrateStoredConfig(values: Record<string, unknown>): Record<string, unknown> {
  const write = values.write as Record<string, unknown> | undefined;
  const code = values.code as Record<string, unknown> | undefined;
  const migrated = { ...values };
  if (write && ('contextTokens' in write || 'memory' in write)) {
    // The ledger that replaced the memory is kept as the run's quality level says.
    const { contextTokens: _inputBudget, memory: _memory, ...rest } = write;
    migrated.write = rest;
  }
  if (write && !('quality' in write)) {
    // Recorded before the quality levels, when every run was the single pass: it stays one.
    migrated.write = { ...(migrated.write as Record<string, unknown>), quality: 'fast' };
  }
  if (code && 'contextTokens' in code) {
    const { contextTokens, ...rest } = code;
    migrated.code = { conversationTokens: contextTokens, ...rest };
  }
  return migrated;
}
