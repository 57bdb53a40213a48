import { describe, expect, it } from 'vitest';
import { readSectionReply } from '../../src/agents/read-section-reply.js';

const section = { id: 's002', title: 'The river bar' };
const body = 'The bar shifted every winter, and the pilots read it by the colour of the water.';

describe('readSectionReply', () => {
  it('drops the writer notes after the marker and keeps the section text', () => {
    const read = readSectionReply({ reply: `${body}\n\n@@notes\n- the bar moves`, section });
    expect(read.text).toBe(body);
  });

  it('strips the envelope around the section, with a finding for each piece', () => {
    const read = readSectionReply({ reply: `## The river bar\n\n${body}`, section });
    expect(read.text).toBe(body);
    expect(read.findings.length).toBeGreaterThan(0);
    expect(read.findings.every((finding) => finding.location?.section === 's002')).toBe(true);
  });
});
