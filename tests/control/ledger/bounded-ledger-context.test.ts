import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/control/run-events.js';
import { writeDocument } from '../../../src/write-document.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('the ledger in a long run', () => {
  // Slow: a 40-section document on the in-process sim, with one ledger call per section.
  it('keeps the prompt of section 40 as small as that of section 10', {
    timeout: 240_000,
  }, async () => {
    const events: RunEvent[] = [];
    const result = await writeDocument({
      request:
        'Write a 12,000-word history of the Brittany tide mills, from the first mill at Saint-Malo in 1181 to their restoration.',
      model: 'sim:noise=0',
      config: { write: { quality: 'fast', maxSectionWords: 300, ledger: 'model' } },
      directory: await tempDir(),
      onEvent: (event) => events.push(event),
    });
    expect(result.plan.sections.length).toBeGreaterThanOrEqual(40);
    const promptOf = (index: number) =>
      events.find(
        (event) => event.type === 'step-start' && event.index === index && event.attempt === 1,
      );
    const tenth = promptOf(9);
    const fortieth = promptOf(39);
    if (tenth?.type !== 'step-start' || fortieth?.type !== 'step-start') {
      throw new Error('the run journalled no first step for section 10 or 40');
    }
    // The ledger grew four times over; the prompt stays flat.
    expect(fortieth.contextTokens).toBeLessThan(tenth.contextTokens * 1.15);
    expect(result.info.usage.calls).toBeGreaterThanOrEqual(2 * result.plan.sections.length);
  });
});
