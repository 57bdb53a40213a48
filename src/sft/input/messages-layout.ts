import { hasChatTurns, readChatTurns } from './read-chat-turns.js';
import type { SftInputLayout } from './sft-input-layout.js';

/** Chat turns with `role` and `content`, as TRL, OpenAI and LongWriter-6k lay them out. */
export const messagesLayout: SftInputLayout = {
  format: 'messages',
  field: 'messages',
  otherFields: [],
  example: (field) => `{"${field}": [{"role": "user", "content": "…"}, …]}`,
  matches: (row, field) => hasChatTurns(row, field, 'role'),
  read: (row, field) =>
    readChatTurns({
      row,
      field,
      roleKey: 'role',
      contentKey: 'content',
      userRoles: ['user'],
      assistantRoles: ['assistant'],
    }),
};
