import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  extractRequirements,
  requirementKey,
} from '../../../src/code/plan/extract-requirements.js';

const l2macTasks = new URL('../../../../shared/data/l2mac/system_design_tasks/', import.meta.url);

describe('extractRequirements', () => {
  it('takes checklist items when the spec has them, ignoring other lists and placeholders', () => {
    const spec = [
      '# Shop',
      'Overview:',
      '- a friendly tone',
      '1. **Cart**:',
      '   - [ ] 1.1. Users can add items.',
      '   - [x] 1.2. Users can remove items.',
      '   - [ ] ...',
      '   - [ ] 1.1. Users can add items.',
    ].join('\n');
    expect(extractRequirements(spec)).toEqual([
      { id: 'R1', text: '1.1. Users can add items.', line: 5 },
      { id: 'R2', text: '1.2. Users can remove items.', line: 6 },
    ]);
  });

  it('falls back to list items, then to lines', () => {
    expect(
      extractRequirements('A todo app:\n- add todos\n* list todos\n2) delete todos').map(
        (each) => each.text,
      ),
    ).toEqual(['add todos', 'list todos', 'delete todos']);
    expect(
      extractRequirements(
        '## Title\nA CLI that counts words in a file.\n\nIt prints the total.',
      ).map((each) => each.text),
    ).toEqual(['A CLI that counts words in a file.', 'It prints the total.']);
  });

  it('reads the L2MAC URL shortener spec as its 17 checklist items', () => {
    const file = new URL('url_shortener/description.txt', l2macTasks);
    if (!existsSync(file)) {
      console.warn('skipped: the L2MAC data (../shared/data/l2mac) is not present');
      return;
    }
    const requirements = extractRequirements(readFileSync(file, 'utf8'));
    expect(requirements).toHaveLength(17);
    expect(requirements[0]?.text).toBe('1.1. Users can input a URL to be shortened.');
    expect(requirements.at(-1)?.text).toBe(
      '6.1. Users can set an expiration date/time for the shortened URL.',
    );
  });
});

describe('requirementKey', () => {
  it('ignores markers, numbering, spacing and a final period, but not wording', () => {
    const key = requirementKey('1.1. Users can input a URL to be shortened.');
    expect(requirementKey('- [ ] 1.1. Users can  input a URL to be shortened')).toBe(key);
    expect(requirementKey('Users can input a URL to be shortened.')).toBe(key);
    expect(requirementKey('Users may input a URL to be shortened.')).not.toBe(key);
  });
});
