import { describe, expect, it } from 'vitest';
import { checkMetaText } from '../../../src/control/checks/check-meta-text.js';
import { createPlan } from '../../helpers/builders.js';

const plan = createPlan({ count: 3, words: 100 });

/** The findings for `text` as the middle section (or the last, with `last`). */
function check(text: string, { last = false }: { last?: boolean } = {}) {
  const index = last ? 2 : 1;
  return checkMetaText({
    text,
    section: plan.sections[index]!,
    index,
    plan,
    previous: [],
    settings: { lengthTolerance: 0.15, maxOverlap: 0.2 },
  });
}

const rules = (text: string) => check(text).map((finding) => finding.ruleId);

describe('checkMetaText', () => {
  it.each([
    ['Paragraph 3 - Main Point: the pilots', 'check/meta-plan-label'],
    ['## Part 4 — word count 400', 'check/meta-plan-label'],
    ['> Section2:Main point', 'check/meta-plan-label'],
    ['第十二段：主要内容', 'check/meta-plan-label'],
    ['第3部 - 字数', 'check/meta-plan-label'],
    ['Main point: the guild', 'check/meta-plan-label'],
    ['* Word count ：300', 'check/meta-plan-label'],
    ['主要内容：领航员', 'check/meta-plan-label'],
    ['As an AI, I cannot say.', 'check/meta-assistant'],
    ['Speaking as a language model, no.', 'check/meta-assistant'],
    ['Speaking as a large language model, no.', 'check/meta-assistant'],
    ['作为人工智能，我无法回答。', 'check/meta-assistant'],
    ['作为一个语言模型，我无法回答。', 'check/meta-assistant'],
    ['Sure, here is the section you asked for.', 'check/meta-assistant'],
    ["Certainly! Here’s more.\nCertainly! Here's the text.", 'check/meta-assistant'],
    ['Of course below is the rest.', 'check/meta-assistant'],
    ['- Here is your continuation.', 'check/meta-assistant'],
    ["Here's the revised text.", 'check/meta-assistant'],
    ['The pilots sailed.\nLet me know if you want more!', 'check/meta-assistant'],
    ['The pilots sailed. I hope this helps', 'check/meta-assistant'],
    ['The pilots sailed (about 300 words).', 'check/meta-word-count'],
    ['The pilots sailed (approx. 1,200 words).', 'check/meta-word-count'],
    ['The pilots sailed (approximately 90 word).', 'check/meta-word-count'],
    ['The pilots sailed ( 250words ).', 'check/meta-word-count'],
    ['领航员出海（约300字）', 'check/meta-word-count'],
    ['The reply was Error code: 429.', 'check/meta-api-error'],
    ['The reply was error code 503.', 'check/meta-api-error'],
    ['The reply was error code:500.', 'check/meta-api-error'],
    ['Rate limit exceeded for this key.', 'check/meta-api-error'],
    ['rate limit reached', 'check/meta-api-error'],
    ['Internal Server Error', 'check/meta-api-error'],
    ['Service unavailable', 'check/meta-api-error'],
    ['insufficient_quota', 'check/meta-api-error'],
    ['context_length_exceeded', 'check/meta-api-error'],
    ['<!DOCTYPE html><html>', 'check/meta-api-error'],
    ['{ "error" : { "message": "bad" } }', 'check/meta-api-error'],
    ['In conclusion, the guild lasted.', 'check/meta-early-conclusion'],
    ['- To sum up the guild lasted.', 'check/meta-early-conclusion'],
    ['To conclude, it lasted.', 'check/meta-early-conclusion'],
    ['In summary it lasted.', 'check/meta-early-conclusion'],
    ['In closing it lasted.', 'check/meta-early-conclusion'],
    ['总之，行会延续了下来。', 'check/meta-early-conclusion'],
    ['综上所述，行会延续了下来。', 'check/meta-early-conclusion'],
    ['总而言之，行会延续了下来。', 'check/meta-early-conclusion'],
    ['最后总结：行会延续了下来。', 'check/meta-early-conclusion'],
  ])('finds %j', (text, rule) => {
    expect(rules(text)).toEqual([rule]);
  });

  it.each([
    'The section 3 - main point of the charter was the fee.',
    '第十二章：主要内容',
    'Main points: the fee and the bar.',
    'The main point: the fee.',
    'The guild was, as an aide wrote, strict.',
    'Sure,here is where they met.',
    'Sure, hereafter they met.',
    'She said: here is the harbour.',
    'Let me know, he said. Then he left.',
    'The pilots sailed (300 wordsmiths came).',
    'The pilots sailed (about three hundred words).',
    'The ledger shows error code: 42 on one page.',
    'The 503 error code of the harbour log.',
    'The guild, in conclusion, lasted.',
    'In conclusions drawn later, the guild lasted.',
    '他说总之不行。',
  ])('finds nothing in %j', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('welcomes a closing summary in the last section only', () => {
    expect(check('In conclusion, the guild lasted.', { last: true })).toEqual([]);
  });

  it('names the section and the line, and quotes the match trimmed and cut to 60 characters', () => {
    const long = `As an AI ${'language '.repeat(10)}`;
    const [finding] = check(`The pilots sailed.\n\n   ${long}`);
    expect(finding).toEqual({
      evaluator: 'check',
      ruleId: 'check/meta-assistant',
      severity: 'error',
      message: 'an assistant disclaimer leaked into the text: "As an AI"',
      location: { section: plan.sections[1]!.id, line: 3 },
    });
    const [label] = check(
      `Intro.\n  Paragraph 1 - Main point ${'x'.repeat(80)}\n`.replace('Main point ', 'Main point'),
    );
    expect(label!.location).toEqual({ section: plan.sections[1]!.id, line: 2 });
    expect(label!.message).toBe('a plan label leaked into the text: "Paragraph 1 - Main point"');
  });

  it('reports each kind once, in the order of the checks', () => {
    expect(rules('(about 300 words) As an AI, in short.\nIn conclusion, done.')).toEqual([
      'check/meta-assistant',
      'check/meta-word-count',
      'check/meta-early-conclusion',
    ]);
  });
});
