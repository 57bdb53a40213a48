import { brotliCompressSync, constants } from 'node:zlib';

/**
 * Original UTF-8 bytes / Brotli-compressed bytes: how much of the text is predictable from the
 * rest. A window of 2^24 bytes (16 MiB) lets Brotli see a repeat anywhere in a long document,
 * where gzip's 32 KiB window forgets everything further back. 1 for an empty text. Pure.
 */
export function compressionRatio({
  text,
  quality = 9,
}: {
  text: string;
  quality?: number;
}): number {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length === 0) return 1;
  const compressed = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  return bytes.length / compressed.length;
}
