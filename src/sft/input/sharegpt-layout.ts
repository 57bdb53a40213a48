import { hasChatTurns, readChatTurns } from './read-chat-turns.js';
import type { SftInputLayout } from './sft-input-layout.js';

/** ShareGPT: `conversations` of turns with `from` (`human`, `gpt`) and `value`. */
export const sharegptLayout: SftInputLayout = {
  format: 'sharegpt',
  field: 'conversations',
  otherFields: [],
  example: (field) => `{"${field}": [{"from": "human", "value": "…"}, …]}`,
  matches: (row, field) => hasChatTurns(row, field, 'from'),
  read: (row, field) =>
    readChatTurns({
      row,
      field,
      roleKey: 'from',
      contentKey: 'value',
      // Some ShareGPT exports name the roles as chat APIs do.
      userRoles: ['human', 'user'],
      assistantRoles: ['gpt', 'assistant'],
    }),
};
