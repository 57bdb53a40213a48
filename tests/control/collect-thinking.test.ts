import { describe, expect, it } from 'vitest';
import { collectThinking } from '../../src/control/collect-thinking.js';

/** A collector whose saves are recorded. */
function createCollector() {
  const saved: string[] = [];
  const collector = collectThinking({
    save: async (text) => {
      saved.push(text);
    },
  });
  return { collector, saved };
}

describe('collectThinking', () => {
  it('saves nothing when no call thought', async () => {
    const { collector, saved } = createCollector();
    await collector.flush();
    expect(saved).toEqual([]);
  });

  it('saves each call’s thinking trimmed, after the one before it and a rule', async () => {
    const { collector, saved } = createCollector();
    collector.onThinking('  First the outline.\n');
    collector.onThinking('\nThen the figures. ');
    await collector.flush();
    expect(saved).toEqual(['First the outline.\n\n---\n\nThen the figures.\n']);
  });

  it('saves again only when more thinking came, and then all of it', async () => {
    const { collector, saved } = createCollector();
    collector.onThinking('The draft.');
    await collector.flush();
    await collector.flush();
    expect(saved).toHaveLength(1);
    collector.onThinking('The repair.');
    await collector.flush();
    expect(saved).toEqual(['The draft.\n', 'The draft.\n\n---\n\nThe repair.\n']);
  });

  it('saves again after a save that failed', async () => {
    const attempts: string[] = [];
    const collector = collectThinking({
      save: async (text) => {
        attempts.push(text);
        if (attempts.length === 1) throw new Error('disk full');
      },
    });
    collector.onThinking('The plan.');
    await expect(collector.flush()).rejects.toThrow('disk full');
    await collector.flush();
    expect(attempts).toEqual(['The plan.\n', 'The plan.\n']);
  });
});
