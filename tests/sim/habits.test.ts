import { describe, expect, it } from 'vitest';
import { cleanSectionText } from '../../src/agents/clean-section-text.js';
import { callText } from '../../src/model/call-text.js';
import { planDocument } from '../../src/planner/plan-document.js';
import { resolveSimOptions } from '../../src/sim/parse-sim-options.js';
import { createTask } from '../helpers/builders.js';
import { useSimModels } from './helpers/sim-models.js';

const models = useSimModels();

const requests = [
  {
    lang: 'English',
    title: 'The Lamp Room',
    prompt:
      'Section 2 of 5: The Lamp Room\n\nWrite about 300 words on the lamp room of a lighthouse.',
  },
  {
    lang: 'Chinese',
    title: '灯塔的起源',
    prompt: 'Section 2 of 5: 灯塔的起源\n\n写一段约300字的文字，介绍灯塔的起源。',
  },
];

describe('the sim knobs for chat habits', () => {
  it.each(requests)(
    'wrap the same $lang prose in chatter, an echoed heading and a fence, and cleaning gives it back',
    async ({ title, prompt }) => {
      for (const seed of [0, 1, 2, 3]) {
        const plain = await models({ seed });
        const habitual = await models({ seed, chatter: 1, echoHeading: 1, fence: 1 });
        for (const [index, [way, model]] of habitual.entries()) {
          const bare = (await callText({ model: plain[index]![1], prompt })).text;
          const wrapped = (await callText({ model, prompt })).text;
          expect(wrapped, way).not.toBe(bare);
          expect(wrapped, way).toContain('```');
          expect(wrapped, way).toContain(title);
          expect(cleanSectionText({ text: wrapped, title }).text, `${way}, seed ${seed}`).toBe(
            bare,
          );
        }
      }
    },
  );

  it('speaks the chatter in the language of the reply', async () => {
    for (const [way, model] of await models({ chatter: 1 })) {
      const english = (await callText({ model, prompt: requests[0]!.prompt })).text;
      const chinese = (await callText({ model, prompt: requests[1]!.prompt })).text;
      expect(english.split('\n')[0], way).toMatch(/^(?:Sure|Certainly|Of course|Here|Absolutely)/);
      expect(chinese.split('\n')[0], way).toMatch(/^(?:好的|当然)/);
      expect(chinese, way).toMatch(/字）|告诉我|吗？/);
    }
  });

  it('applies each habit alone when only its knob is on', async () => {
    const prompt = requests[0]!.prompt;
    for (const [way, model] of await models({ fence: 1 })) {
      const text = (await callText({ model, prompt })).text;
      expect(text, way).toMatch(/^```(?:markdown|md)?\n[\s\S]*\n```$/);
    }
    for (const [way, model] of await models({ echoHeading: 1 })) {
      const text = (await callText({ model, prompt })).text;
      expect(text.split('\n')[0], way).toMatch(/^(?:#{1,3} |\*\*)(?:Section 2: )?The Lamp Room/);
      expect(text, way).not.toContain('```');
    }
  });

  it('refuses a plan format it does not know, naming the forms', () => {
    expect(() => resolveSimOptions({ 'plan-format': 'yaml' })).toThrow(
      /plan-format expects one of json, lines, headings, list, prose/,
    );
  });
});

describe('the plan-format knob', () => {
  const task = createTask({ prompt: 'Write a guide to the lighthouses of Brittany', words: 6_000 });
  const limits = { maxSectionWords: 1_200, minSectionWords: 150, attempts: 3 };

  it.each(['headings', 'list'] as const)(
    'writes the plan as %s, which quire reads into the plan the JSON gives, with no retry',
    async (planFormat) => {
      const json = await models({});
      for (const [index, [way, model]] of (await models({ planFormat })).entries()) {
        const expected = await planDocument({ task, call: { model: json[index]![1] }, ...limits });
        const result = await planDocument({ task, call: { model }, ...limits });
        expect(result.attempts, way).toBe(expected.attempts);
        // The same sections; budgets written as whole numbers may round a word apart.
        const sections = (plan: typeof result.plan) =>
          plan.sections.map(({ title, brief }) => ({ title, brief }));
        expect(sections(result.plan), way).toEqual(sections(expected.plan));
        result.plan.sections.forEach((section, position) => {
          expect(
            Math.abs(section.words - expected.plan.sections[position]!.words),
          ).toBeLessThanOrEqual(2);
        });
        expect(
          result.findings.map((finding) => finding.ruleId),
          way,
        ).toContain('plan-read-from-text');
      }
    },
  );

  it("writes the plan in AgentWrite's lines, read into the same briefs and budgets", async () => {
    const json = await models({});
    for (const [index, [way, model]] of (await models({ planFormat: 'lines' })).entries()) {
      const expected = await planDocument({ task, call: { model: json[index]![1] }, ...limits });
      const result = await planDocument({ task, call: { model }, ...limits });
      const briefs = (plan: typeof result.plan) => plan.sections.map(({ brief }) => brief);
      expect(result.attempts, way).toBe(expected.attempts);
      expect(briefs(result.plan), way).toEqual(briefs(expected.plan));
    }
  });

  it('writes unreadable prose for a plan, then follows the line form once it is spelled out', async () => {
    for (const [way, model] of await models({ planFormat: 'prose' })) {
      const result = await planDocument({ task, call: { model }, ...limits });
      expect(result.attempts, way).toBe(2);
      expect(result.plan.sections.length, way).toBeGreaterThanOrEqual(3);
      expect(
        result.plan.sections.reduce((sum, section) => sum + section.words, 0),
        way,
      ).toBe(6_000);
    }
  });
});
