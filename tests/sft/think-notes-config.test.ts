import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { ConfigError } from '../../src/errors/config-error.js';
import { thinkNotesConfig } from '../../src/sft/think-notes-config.js';

const configWith = (overrides: { sft?: object; write?: object }) => ConfigSchema.parse(overrides);

describe('thinkNotesConfig', () => {
  it('leaves a run without think-note records as it is', () => {
    const config = configWith({ write: { quality: 'fast' } });
    expect(thinkNotesConfig(config)).toBe(config);
  });

  it('marks notes in each reply when the level makes none', () => {
    const config = configWith({ sft: { thinkNotes: true }, write: { quality: 'fast' } });
    expect(thinkNotesConfig(config).write.thinkNotes).toBe('marked');
  });

  it('keeps the way config chose, and the level that makes notes already', () => {
    const chosen = configWith({
      sft: { thinkNotes: true },
      write: { quality: 'fast', thinkNotes: 'call' },
    });
    expect(thinkNotesConfig(chosen).write.thinkNotes).toBe('call');
    const standard = configWith({ sft: { thinkNotes: true }, write: { quality: 'standard' } });
    expect(thinkNotesConfig(standard).write.thinkNotes).toBeUndefined();
  });

  it('refuses notes turned off with records asked to carry them', () => {
    const config = configWith({ sft: { thinkNotes: true }, write: { thinkNotes: 'off' } });
    expect(() => thinkNotesConfig(config)).toThrow(ConfigError);
    expect(() => thinkNotesConfig(config)).toThrow(/write\.thinkNotes is "off"/);
  });
});
