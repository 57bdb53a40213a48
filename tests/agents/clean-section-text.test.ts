import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanSectionText } from '../../src/agents/clean-section-text.js';
import { envelopePatterns } from '../../src/agents/envelope-patterns.js';
import { countWords } from '../../src/evaluators/count-words.js';

const realOutputs = fileURLToPath(new URL('../../../shared/data/real-outputs/', import.meta.url));
const dataPresent = existsSync(realOutputs);
if (!dataPresent) {
  console.warn('skipped: the real model outputs (../shared/data/real-outputs) are not present');
}

const clean = (text: string, title = 'Part 1') =>
  cleanSectionText({ text, title, sectionId: 's001' });
const ruleIds = (text: string, title?: string) =>
  clean(text, title).findings.map((finding) => finding.ruleId);

describe('cleanSectionText: one test per envelope pattern, on its documented example', () => {
  it.each(
    envelopePatterns.map((pattern, index) => [
      `${index + 1}. ${pattern.id} (${pattern.place}, ${pattern.lang})`,
      pattern,
    ]),
  )('%s', (_name, pattern) => {
    const result = clean(pattern.example.text);
    expect(result.text).toBe(pattern.example.cleaned);
    expect(result.findings.map((finding) => finding.ruleId)).toContain(`clean/${pattern.id}`);
    for (const finding of result.findings) {
      expect(finding).toMatchObject({
        evaluator: 'clean',
        severity: 'info',
        location: { section: 's001' },
        message: expect.stringMatching(/^stripped .+: ".+"$/),
      });
    }
  });
});

describe('cleanSectionText: text that only looks like an envelope is left as it is', () => {
  it.each([
    [
      'starts with "Sure enough"',
      'Sure enough, the keeper climbed the stairs at dusk.\n\nThe lamp was lit.',
    ],
    ['starts with "Sure-footed"', 'Sure-footed goats grazed below the light.'],
    ['starts with "Certainly not"', 'Certainly not every lighthouse was built on rock.'],
    [
      'starts with "Here is the harbour"',
      'Here is the harbour where the first light stood.\n\nIt burned wood.',
    ],
    [
      'ends with a question',
      'The light still turns each night.\n\nWhat will the keepers of tomorrow see?',
    ],
    [
      'ends with dialogue asking to be told',
      'She handed him the log.\n\n"Let me know if the fog comes in," she said.',
    ],
    [
      'ends with an offer made in the story',
      'He smiled. “Would you like me to show you the lens?”',
    ],
    ['mentions a count of words in passing', 'The signal book contains 400 words of code.'],
    ['speaks of a word count in passing', 'The word count of each telegram was kept low.'],
    ['ends with a narrator asking to be told', 'He promised to let me know when the ship came in.'],
    ['ends a guide by hoping it helps', 'I hope this guide helps you plan your visit.'],
    ['ends a Chinese guide by hoping it helps', '希望本指南对你的旅行有所帮助。'],
    ['ends a Chinese guide with where to ask', '如有疑问，可咨询当地港务局。'],
    [
      'has a sub-heading that is not the title',
      '### The lamp room\n\nThe lens weighed six tonnes.',
    ],
    ['is a code block of its own language', '```python\nprint("light")\n```'],
    ['opens with a Chinese "of course" in a sentence', '当然，灯塔的历史远比人们想象的要长。'],
    ['ends with a Chinese question', '灯塔的光照亮了海湾。\n\n未来的看守人会看到什么呢？'],
  ])('%s', (_name, text) => {
    expect(clean(text)).toEqual({ text, findings: [] });
  });

  it('keeps a long sentence even when it ends with an offer, since it is content', () => {
    const long = `The old keeper, who had kept the light through ${'storm after storm and '.repeat(15)}winter after winter, told the board to let me know whenever the lamp failed.`;
    expect(clean(long).text).toBe(long);
  });
});

describe('cleanSectionText: envelopes nest, and every layer comes off', () => {
  it('strips chatter around a fence around an echoed heading, and a word count inside', () => {
    const text = [
      'Sure! Here is the section you asked for.',
      '',
      '```markdown',
      '## Part 1',
      '',
      'The first lights were fires on hills.',
      '',
      'Later came towers of stone.',
      '',
      '(Word count: 600)',
      '```',
      '',
      'I hope this helps! Let me know if you want me to continue with the next section.',
    ].join('\n');
    const result = clean(text);
    expect(result.text).toBe(
      'The first lights were fires on hills.\n\nLater came towers of stone.',
    );
    expect(result.findings.map((finding) => finding.ruleId)).toEqual([
      'clean/lead-acknowledgement',
      'clean/lead-announcement',
      'clean/trail-offer',
      'clean/trail-sign-off',
      'clean/whole-fence',
      'clean/trail-length-note',
      'clean/echoed-title',
    ]);
  });

  it('strips the same envelope in Chinese', () => {
    const text =
      '好的，以下是这一部分的内容：\n\n## 灯塔的起源\n\n最早的灯塔是山顶上的篝火。\n\n（字数：约600字）\n\n希望对你有帮助！需要我继续写下一部分吗？';
    expect(clean(text, '灯塔的起源').text).toBe('最早的灯塔是山顶上的篝火。');
  });

  it.each([
    ['## Part 1', 'Part 1'],
    ['# PART 1', 'Part 1'],
    ['### **Part 1**', 'Part 1'],
    ['*Part 1*', 'Part 1'],
    ['## Section 3: The Lamp Room', 'The lamp room'],
    ['**3. The Keeper’s Log:**', "The Keeper's Log"],
    ['### 第三部分：灯塔的起源', '灯塔的起源'],
  ])('strips a first heading %j repeating the title %j', (heading, title) => {
    expect(clean(`${heading}\n\nThe lens turned.`, title)).toMatchObject({
      text: 'The lens turned.',
      findings: [expect.objectContaining({ ruleId: 'clean/echoed-title' })],
    });
  });

  it('keeps a labelled heading that is not the title, without its label', () => {
    expect(clean('## Section 3: Fog Signals\n\nHorns sounded.', 'The Lamp').text).toBe(
      '## Fog Signals\n\nHorns sounded.',
    );
  });

  it('does not treat a fence that closes early as one around the whole answer', () => {
    const text = '```\nlamp = on\n```\n\nThe keeper wrote it down.\n\n```\nlamp = off\n```';
    expect(clean(text)).toEqual({ text, findings: [] });
  });

  it('leaves a word-count line inside a code block alone', () => {
    const text = 'The log read:\n\n```\nWord count: 12\n```';
    expect(ruleIds(text)).toEqual([]);
  });
});

describe('cleanSectionText on real model outputs', () => {
  const longbench = (model: string) => {
    const folder = `${realOutputs}longbench-write/${model}/`;
    const file = readdirSync(folder).find((name) => name.endsWith('.jsonl'))!;
    return readFileSync(folder + file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { response: string }).response);
  };

  it.skipIf(!dataPresent)('strips the envelopes of real answers and keeps their body', () => {
    const llama = longbench('llama3.1-8b-instruct');
    const qwen = longbench('qwen2.5');
    const newsletter = clean(llama[6]!, 'Newsletter').text;
    expect(newsletter.startsWith('**Subject: The Future of Intelligence')).toBe(true);
    expect(newsletter).toBe(llama[6]!.slice(llama[6]!.indexOf('**Subject')).trim());
    const emojis = clean(llama[7]!, 'Emojis').text;
    expect(emojis.endsWith('while also demonstrating the various emotions listed.')).toBe(true);
    const panda = clean(llama[49]!, 'Pandas').text;
    expect(panda.endsWith('(Panda Conservation Alliance)')).toBe(true);
    const habits = clean(qwen[3]!, 'Bad habits').text;
    expect(habits.startsWith('1. **Skimming Without Comprehension**')).toBe(true);
  });

  it.skipIf(!dataPresent)(
    'never takes more than the envelope of a real answer, and nothing from clean prose',
    () => {
      const answers = ['llama3.1-8b-instruct', 'mistral', 'qwen2.5'].flatMap(longbench);
      let touched = 0;
      for (const answer of answers) {
        const result = clean(answer, 'No such title');
        if (result.findings.length > 0) touched++;
        // An envelope is a few sentences or one note, never a body.
        expect(countWords(answer) - countWords(result.text)).toBeLessThanOrEqual(80);
      }
      // Chatty Llama and Qwen answers are many; Mistral's are nearly all clean.
      expect(touched).toBeGreaterThanOrEqual(25);
      for (const story of [
        'pub-10-clean-story-gpt4o',
        'pub-11-clean-story-claude',
        'pub-12-clean-story-chinese',
      ]) {
        const text = readFileSync(`${realOutputs}repetition/texts/${story}.md`, 'utf8');
        expect(clean(text, 'No such title').findings, story).toEqual([]);
      }
    },
  );
});
