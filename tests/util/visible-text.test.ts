import { describe, expect, it } from 'vitest';
import { visibleText } from '../../src/util/visible-text.js';

describe('visibleText', () => {
  it('is empty for text made only of invisible characters and white space', () => {
    expect(
      visibleText('\u200b\u200c\u200d\u2060\ufeff \u200e\u200f\u202a\u202c\u2066\u2069\u00ad\n'),
    ).toBe('');
    expect(visibleText('\ufe0f\u180e\u3164')).toBe('');
  });

  it('keeps every visible character, removing the invisible ones around and between them', () => {
    expect(visibleText('\ufeff Write\u200b about tides \u200f')).toBe('Write about tides');
    expect(visibleText('写一篇关于潮汐的文章')).toBe('写一篇关于潮汐的文章');
  });
});
