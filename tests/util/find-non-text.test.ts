import { describe, expect, it } from 'vitest';
import { findNonText } from '../../src/util/find-non-text.js';

describe('findNonText', () => {
  it('accepts UTF-8 text, multi-byte characters and a byte-order mark included', () => {
    expect(findNonText(Buffer.from('\uFEFFnaïve 长文 🌊\n'))).toBeUndefined();
  });

  it.each([
    ['Latin-1', Buffer.from([0x63, 0x61, 0x66, 0xe9]), 3, 'byte 0xe9 at offset 3, line 1'],
    [
      'UTF-16 with its byte-order mark',
      Buffer.from('\uFEFFhi', 'utf16le'),
      0,
      'byte 0xff at offset 0, line 1',
    ],
    ['a NUL on line 2', Buffer.from('ok\nx\u0000y'), 4, 'byte 0x00 at offset 4, line 2'],
    ['an overlong form', Buffer.from([0x41, 0xc0, 0xaf]), 1, 'byte 0xc0 at offset 1, line 1'],
    ['a truncated sequence', Buffer.from([0x41, 0xe6, 0x96]), 1, 'byte 0xe6 at offset 1, line 1'],
  ])('points at the first bad byte of %s', (_name, bytes, offset, description) => {
    expect(findNonText(bytes)).toMatchObject({ offset, description });
  });
});
