import { describe, expect, it } from 'vitest';
import { qualitySettings } from '../../src/config/quality-levels.js';

describe('qualitySettings', () => {
  it('plans think notes as a marked part of the reply above fast, and none at fast', () => {
    expect(qualitySettings({ level: 'fast' }).thinkNotes).toBe('off');
    expect(qualitySettings({ level: 'standard' }).thinkNotes).toBe('marked');
    expect(qualitySettings({ level: 'best' }).thinkNotes).toBe('marked');
  });

  it('lets config choose the think notes whatever the level', () => {
    expect(qualitySettings({ level: 'fast', thinkNotes: 'call' }).thinkNotes).toBe('call');
    expect(qualitySettings({ level: 'best', thinkNotes: 'off' })).toEqual({
      reviewRounds: 3,
      ledger: 'model',
      thinkNotes: 'off',
      candidates: 2,
      critiqueRounds: 2,
    });
  });
});
