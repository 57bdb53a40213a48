import { describe, expect, it } from 'vitest';
import { splitOrphanThinking } from '../../src/model/split-orphan-thinking.js';

describe('splitOrphanThinking', () => {
  it('leaves text without a closing tag as it is', () => {
    expect(splitOrphanThinking('Plain answer.')).toEqual({ text: 'Plain answer.', reasoning: '' });
  });

  it('splits at the last closing tag of any thinking tag', () => {
    expect(splitOrphanThinking('a </thinking> b </reasoning>\n\nAnswer.')).toEqual({
      text: 'Answer.',
      reasoning: 'a </thinking> b',
    });
  });
});
