/** Where a file stops being UTF-8 text, for a message that points at it. */
export interface NonTextPlace {
  /** 0-based byte offset of the first offending byte. */
  offset: number;
  /** 1-based line of that byte. */
  line: number;
  /** E.g. `byte 0xe9 at offset 3, line 1`. */
  description: string;
}

/**
 * Finds the first byte that makes `bytes` something other than UTF-8 text: a byte that breaks
 * UTF-8 (another encoding such as Latin-1 or UTF-16, overlong forms, surrogates) or a NUL
 * (binary data). Returns undefined for UTF-8 text. Files quire reads are checked with it, so a
 * wrongly encoded file is refused with its place instead of being read with replacement
 * characters. Pure.
 */
export function findNonText(bytes: Uint8Array): NonTextPlace | undefined {
  const invalid = firstInvalidUtf8(bytes);
  const nul = bytes.indexOf(0);
  const offset = invalid ?? (nul >= 0 ? nul : undefined);
  if (offset === undefined) return undefined;
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  const byte = (bytes[offset] ?? 0).toString(16).padStart(2, '0');
  return { offset, line, description: `byte 0x${byte} at offset ${offset}, line ${line}` };
}

/** The offset of the first byte that breaks UTF-8 (overlong forms and surrogates included). */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0) return index;
    const second = bytes[index + 1] ?? 0;
    // The second byte's allowed range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (index + 1 >= bytes.length || second < low || second > high) return index;
    for (let next = 2; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined || byte < 0x80 || byte > 0xbf) return index;
    }
    index += length;
  }
  return undefined;
}
