import { describe, expect, it } from 'vitest';
import { writeSection } from '../../src/agents/write-section.js';
import { createPlan } from '../helpers/builders.js';
import { scriptedModel } from '../helpers/mock-model.js';

const section = createPlan({ count: 1, words: 20, sections: [{ title: 'The Lamp' }] }).sections[0]!;

async function write(replies: Parameters<typeof scriptedModel>[0]) {
  return writeSection({
    settings: { model: scriptedModel(replies) },
    system: undefined,
    prompt: 'Write the section.',
    section,
    lang: 'en',
    maxOutputTokens: 100,
    continuationAttempts: 2,
  });
}

describe('writeSection: cleaning every reply', () => {
  it('strips the envelope of the reply and returns what it stripped', async () => {
    const result = await write([
      {
        text: 'Sure! Here is the section:\n\n## The Lamp\n\nThe lamp burned oil.\n\nLet me know if you want more.',
      },
    ]);
    expect(result.text).toBe('The lamp burned oil.');
    expect(result.stripped.map((finding) => finding.ruleId)).toEqual([
      'clean/lead-acknowledgement',
      'clean/lead-announcement',
      'clean/trail-offer',
      'clean/echoed-title',
    ]);
  });

  it('strips a continuation’s own chatter before joining it where the cut reply stopped', async () => {
    const result = await write([
      { text: 'The keeper climbed the', finishReason: 'length' },
      {
        text: "Certainly! Here's the continuation:\n\nstairs to the lamp.\n\nWould you like me to go on?",
      },
    ]);
    expect(result.text).toBe('The keeper climbed the stairs to the lamp.');
    expect(result.continuations).toBe(1);
    expect(result.stripped.map((finding) => finding.ruleId)).toEqual([
      'clean/lead-acknowledgement',
      'clean/lead-announcement',
      'clean/trail-offer',
    ]);
  });

  it('keeps a paragraph break the cut reply ended on', async () => {
    const result = await write([
      { text: 'The lamp burned oil.\n\n', finishReason: 'length' },
      { text: 'Later it burned paraffin.' },
    ]);
    expect(result.text).toBe('The lamp burned oil.\n\nLater it burned paraffin.');
    expect(result.stripped).toEqual([]);
  });
});
