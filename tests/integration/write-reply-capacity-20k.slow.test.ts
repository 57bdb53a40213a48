import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLengthGate } from '../../src/evaluators/length-gate.js';
import { writeDocument } from '../../src/write-document.js';
import { useTempDir } from '../helpers/temp-dir.js';

// The 20,000-word runs of write-reply-capacity.test.ts, in their own file so that they run
// beside the others rather than after them. Slow: about 5 s of CPU each at 120 words per reply.
const tempDir = useTempDir();

describe('slow: quire write of 20,000 words at N words per reply (sim ceiling)', () => {
  it.each([120, 250, 400])(
    'lands a 20,000-word request within 0.9×–1.2× at %i words per reply (slow)',
    async (ceiling) => {
      const directory = join(await tempDir(), 'run');
      const result = await writeDocument({
        request: 'Write a guide to the lighthouses of Brittany',
        words: 20_000,
        model: `sim:ceiling=${ceiling},seed=3`,
        directory,
        config: { write: { quality: 'fast' } },
      });
      const gate = checkLengthGate({ produced: result.report.words, required: 20_000 });
      expect(gate.status, `${result.report.words} words`).toBe('within');
      expect(result.info.status).toBe('completed');
    },
    300_000,
  );
});
