import { describe, expect, it } from 'vitest';
import { escapeControl } from '../../src/util/escape-control.js';

describe('escapeControl', () => {
  it('shows terminal escape sequences, bells and carriage returns instead of obeying them', () => {
    expect(escapeControl('red \x1b[31mALERT\x1b[0m\x07 done\rhidden')).toBe(
      'red \\x1b[31mALERT\\x1b[0m\\x07 done\\x0dhidden',
    );
  });

  it('escapes C1 controls, DEL, and the marks that reorder or hide text', () => {
    expect(escapeControl('a\x7fb\x9bc')).toBe('a\\x7fb\\x9bc');
    expect(escapeControl('file\u202Etxt.exe\u200b\ufeff')).toBe(
      'file\\u{202e}txt.exe\\u{200b}\\u{feff}',
    );
  });

  it('keeps ordinary text, accents and CJK as they are, and turns tabs into spaces', () => {
    expect(escapeControl('naïve 模型 — ok\tdone')).toBe('naïve 模型 — ok done');
  });
});
