import { describe, expect, it } from 'vitest';
import { stableItemId } from '../../src/batch/stable-item-id.js';

describe('stableItemId', () => {
  it('is 16 hex digits, the same for the same prompt and length', () => {
    const id = stableItemId({ prompt: 'Write about tides', length: 2000 });
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(stableItemId({ prompt: 'Write about tides', length: 2000 })).toBe(id);
  });

  it('changes with the prompt or the length, and tells no length from a length', () => {
    const ids = new Set([
      stableItemId({ prompt: 'Write about tides', length: 2000 }),
      stableItemId({ prompt: 'Write about tides', length: 2001 }),
      stableItemId({ prompt: 'Write about tide', length: 2000 }),
      stableItemId({ prompt: 'Write about tides' }),
    ]);
    expect(ids.size).toBe(4);
  });

  it('cannot be fooled by moving text between the prompt and the length', () => {
    expect(stableItemId({ prompt: 'a1', length: 2 })).not.toBe(
      stableItemId({ prompt: 'a', length: 12 }),
    );
  });
});
