import { describe, expect, it } from 'vitest';
import { defectsIn, defectsLeft } from '../../src/sim/planted-defects-in.js';

const copied = { kind: 'copied-paragraph', text: 'The pilots met at dawn.' };
const meta = { kind: 'meta-text', text: 'As an AI, I will now write part 3.' };

describe('counting planted defects against a document', () => {
  it('counts a copied paragraph only beyond its source, and other defects wherever they stand', () => {
    const document = `${copied.text}\n\n${meta.text}\n\nMore prose.\n\n${copied.text}`;
    expect(defectsIn(document, [copied, meta])).toBe(2);
    expect(defectsLeft(document, [copied, meta])).toEqual([copied, meta]);
  });

  it('counts each planted text once, however often the log holds it, and nothing once removed', () => {
    const reviewed = `${copied.text}\n\nMore prose.`;
    expect(defectsIn(reviewed, [copied, copied, meta])).toBe(0);
    expect(defectsLeft(reviewed, [copied, meta])).toEqual([]);
  });
});
