import { describe, expect, it } from 'vitest';
import { formatSftRecord, sftRecordFormat } from '../../src/sft/format-sft-record.js';
import { sftFormats } from '../../src/sft/sft-format.js';
import { sftMetadata } from './helpers/sft-metadata.js';

const metadata = sftMetadata();

describe('formatSftRecord', () => {
  it('lays out messages as a user turn and an assistant turn', () => {
    expect(formatSftRecord({ format: 'messages', prompt: 'Q', response: 'A', metadata })).toEqual({
      messages: [
        { role: 'user', content: 'Q' },
        { role: 'assistant', content: 'A' },
      ],
      reference: '',
      metadata,
    });
  });

  it('lays out alpaca and sharegpt records, with the existing answer as reference', () => {
    expect(
      formatSftRecord({ format: 'alpaca', prompt: 'Q', response: 'A', reference: 'R', metadata }),
    ).toEqual({
      instruction: 'Q',
      input: '',
      output: 'A',
      reference: 'R',
      metadata,
    });
    expect(formatSftRecord({ format: 'sharegpt', prompt: 'Q', response: 'A', metadata })).toEqual({
      conversations: [
        { from: 'human', value: 'Q' },
        { from: 'gpt', value: 'A' },
      ],
      reference: '',
      metadata,
    });
  });

  it('adds the thinking when given: reasoning_content of the assistant turn, else a reasoning field', () => {
    const reasoning = 'First the tides, then the moon.';
    const messages = formatSftRecord({
      format: 'messages',
      prompt: 'Q',
      response: 'A',
      reasoning,
      metadata,
    });
    expect(messages).toMatchObject({
      messages: [
        { role: 'user' },
        { role: 'assistant', content: 'A', reasoning_content: reasoning },
      ],
    });
    for (const format of ['alpaca', 'sharegpt'] as const) {
      const record = formatSftRecord({ format, prompt: 'Q', response: 'A', reasoning, metadata });
      expect(record).toMatchObject({ reasoning });
      expect(sftRecordFormat(JSON.parse(JSON.stringify(record)))).toBe(format);
    }
  });

  it('recognises the format of each record read back, and of nothing else', () => {
    for (const format of sftFormats) {
      const record = JSON.parse(
        JSON.stringify(formatSftRecord({ format, prompt: 'Q', response: 'A', metadata })),
      );
      expect(sftRecordFormat(record)).toBe(format);
    }
    expect(sftRecordFormat({ prompt: 'Q' })).toBeUndefined();
  });
});
