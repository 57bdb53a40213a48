import { visibleText } from '../../util/visible-text.js';
import type { SftInputRecord, SftInputRow } from './sft-input-layout.js';

/**
 * The instruction of a conversation (its first user turn) and the answer that follows it (the
 * next assistant turn), whatever the keys its turns use. Turns of other roles (system, tools)
 * are passed over. Content may be a string or a list of `{"type": "text", "text": …}` parts.
 * Pure.
 */
export function readChatTurns({
  row,
  field,
  roleKey,
  contentKey,
  userRoles,
  assistantRoles,
}: {
  row: SftInputRow;
  field: string;
  roleKey: string;
  contentKey: string;
  userRoles: readonly string[];
  assistantRoles: readonly string[];
}): SftInputRecord | { problem: string } {
  const turns = row[field];
  if (turns === undefined || turns === null) return { problem: `"${field}" is missing` };
  if (!Array.isArray(turns)) return { problem: `"${field}" must be a list of turns` };
  const first = turns.findIndex((turn) => userRoles.includes(roleOf(turn, roleKey)));
  if (first === -1) {
    return { problem: `"${field}" has no turn with "${roleKey}": "${userRoles[0]}"` };
  }
  const prompt = textOf((turns[first] as Record<string, unknown>)[contentKey])?.trim();
  if (!prompt || visibleText(prompt) === '') {
    return {
      problem: `the first "${userRoles[0]}" turn of "${field}" has no "${contentKey}" text`,
    };
  }
  const next = turns[first + 1];
  const reference =
    next !== undefined && assistantRoles.includes(roleOf(next, roleKey))
      ? textOf((next as Record<string, unknown>)[contentKey])
      : undefined;
  return reference ? { prompt, reference } : { prompt };
}

/** Whether `row[field]` is a list of turns keyed by `roleKey`: what detection asks. Pure. */
export function hasChatTurns(row: SftInputRow, field: string, roleKey: string): boolean {
  const turns = row[field];
  return Array.isArray(turns) && turns.some((turn) => roleOf(turn, roleKey) !== '');
}

function roleOf(turn: unknown, roleKey: string): string {
  if (typeof turn !== 'object' || turn === null) return '';
  const role = (turn as Record<string, unknown>)[roleKey];
  return typeof role === 'string' ? role : '';
}

function textOf(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const texts = content.flatMap((part) =>
    typeof part === 'object' && part !== null && typeof part.text === 'string' ? [part.text] : [],
  );
  return texts.length > 0 ? texts.join('\n') : undefined;
}
