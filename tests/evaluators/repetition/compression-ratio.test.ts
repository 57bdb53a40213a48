import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressionRatio } from '../../../src/evaluators/repetition/compression-ratio.js';
import { buildProse } from '../../fixtures/evaluators/build-prose.mjs';

const compressedSize = (text: string) => Buffer.byteLength(text) / compressionRatio({ text });

describe('compressionRatio', () => {
  it('is original bytes over Brotli bytes, 1 for an empty text', () => {
    expect(compressionRatio({ text: '' })).toBe(1);
    expect(compressionRatio({ text: 'abc '.repeat(10_000) })).toBeGreaterThan(100);
  });

  it('is below 1 for a text too short to pay for Brotli’s header', () => {
    expect(compressionRatio({ text: 'a' })).toBeLessThan(1);
  });

  it('compresses better at a higher quality', () => {
    const text = buildProse({ words: 3_000, seed: 3 });
    expect(compressionRatio({ text, quality: 11 })).toBeGreaterThan(
      compressionRatio({ text, quality: 1 }),
    );
  });

  it('sees a repeat far beyond gzip’s 32 KiB window', () => {
    const passage = buildProse({ words: 1_500, seed: 1 });
    const between = buildProse({ words: 12_000, seed: 2 });
    expect(Buffer.byteLength(between)).toBeGreaterThan(64 * 1024);
    const once = passage + between;
    const twice = passage + between + passage;
    const brotliExtra = compressedSize(twice) - compressedSize(once);
    const gzipExtra = gzipSync(twice).length - gzipSync(once).length;
    // Brotli encodes the second copy as one long back-reference; gzip pays for it again.
    expect(brotliExtra).toBeLessThan(0.05 * compressedSize(passage));
    expect(gzipExtra).toBeGreaterThan(0.5 * gzipSync(passage).length);
  });
});
