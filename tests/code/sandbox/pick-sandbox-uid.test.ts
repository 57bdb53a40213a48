import { describe, expect, it } from 'vitest';
import { pickSandboxUid, sandboxUidRange } from '../../../src/code/sandbox/pick-sandbox-uid.js';

describe('pickSandboxUid', () => {
  it.each([0, 0.5, 0.999_999_999])(
    'stays in the range set aside for users made on the fly (%s)',
    (value) => {
      const uid = pickSandboxUid(() => value);
      expect(uid).toBeGreaterThanOrEqual(sandboxUidRange.first);
      expect(uid).toBeLessThanOrEqual(sandboxUidRange.last);
    },
  );

  it('spreads over the whole range', () => {
    expect(pickSandboxUid(() => 0)).toBe(sandboxUidRange.first);
    expect(pickSandboxUid(() => 0.999_999_999)).toBe(sandboxUidRange.last);
  });
});
