import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/code/eval/parse-checklist.js';

const tasks = new URL('../../../../shared/data/l2mac/system_design_tasks/', import.meta.url);
const dataPresent = existsSync(tasks);
if (!dataPresent) console.warn('skipped: the L2MAC data (../shared/data/l2mac) is not present');

describe('parseChecklist', () => {
  it('reads items with their section, skipping prose, fences and placeholders', () => {
    const text = [
      'To evaluate the code, use this checklist:',
      '```',
      '1. **URL Shortening**:',
      '   - [ ] 1.1. Users can input a URL.',
      '   - [x] 1.2. The system validates the URL.',
      '   - [ ] ...',
      '2. **Redirection**:',
      '   - [ ] 2.1. Short URLs redirect.',
      '**Total Implemented Features**: [Count the checked boxes]',
      '```',
    ].join('\n');
    expect(parseChecklist(text)).toEqual([
      { id: 'F1', text: '1.1. Users can input a URL.', section: '1. URL Shortening', line: 4 },
      {
        id: 'F2',
        text: '1.2. The system validates the URL.',
        section: '1. URL Shortening',
        line: 5,
      },
      { id: 'F3', text: '2.1. Short URLs redirect.', section: '2. Redirection', line: 8 },
    ]);
  });

  it('finds nothing in text without checkboxes', () => {
    expect(parseChecklist('# Design a call center\n* Operators take calls first')).toEqual([]);
  });

  // The counts of the paper's checklists (the data's SOURCE.md lists them).
  it.skipIf(!dataPresent).each([
    ['url_shortener/description_count.txt', 17],
    ['twitter/description_count.txt', 21],
    ['whatsapp/description_count.txt', 19],
    ['recipe/description_count.txt', 20],
    ['eventplanner/description_count.txt', 28],
    ['finance/description_count.txt', 29],
    ['finance2/description.txt', 14],
    ['dropbox/description.txt', 24],
    ['bookclub/description.txt', 25],
  ])('reads %s as %i items', (file, count) => {
    expect(parseChecklist(readFileSync(new URL(file, tasks), 'utf8'))).toHaveLength(count);
  });

  it.skipIf(!dataPresent)(
    'leaves out the placeholder items of the e-learning stress prompt',
    () => {
      const text = readFileSync(new URL('elearn/description.txt', tasks), 'utf8');
      const boxes = text.split('\n').filter((line) => line.includes('[ ]')).length;
      const placeholders = text
        .split('\n')
        .filter((line) => /\[ \]\s*\.\.\.\s*$/.test(line)).length;
      expect(placeholders).toBeGreaterThan(0);
      expect(parseChecklist(text)).toHaveLength(boxes - placeholders);
    },
  );
});
