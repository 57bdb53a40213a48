import { describe, expect, it } from 'vitest';
import { PlanningError } from '../../src/errors/planning-error.js';
import { planDocument } from '../../src/planner/plan-document.js';
import { httpError } from '../helpers/api-errors.js';
import { createTask } from '../helpers/builders.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { draftPlanJson, promptModel } from '../helpers/prompt-model.js';

/** A plan of `count` sections in AgentWrite's line format, as LongWriter models write it. */
function agentWriteLines(count: number, words = 500): string {
  return Array.from(
    { length: count },
    (_, index) =>
      `Paragraph ${index + 1} - Main Point: Tell part ${index + 1} of the story of the tides, with its own events. - Word Count: ${words} words`,
  ).join('\n\n');
}

/** A plan of `count` sections as a Markdown heading outline. */
function headingOutline(count: number, words = 500): string {
  const sections = Array.from(
    { length: count },
    (_, index) =>
      `## Tide ${index + 1} (${words} words)\n\nWhat tide ${index + 1} brings to the coast.`,
  );
  return ['# Tides', ...sections].join('\n\n');
}

const limits = { maxSectionWords: 1_200, minSectionWords: 150, attempts: 3 };
const retry = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 };

describe('planDocument', () => {
  it('asks once with the request, target and constraints, and normalises the answer', async () => {
    const model = promptModel(() => ({ text: draftPlanJson({ count: 4, words: 250 }) }));
    const task = createTask({
      words: 3_000,
      requirements: [{ id: 'c1', text: 'the Severn bore' }],
    });
    const result = await planDocument({ task, call: { model }, ...limits });
    expect(model.doStreamCalls).toHaveLength(1);
    const prompt = JSON.stringify(model.doStreamCalls[0]?.prompt);
    expect(prompt).toContain('Write a guide to tides');
    expect(prompt).toContain('3000 words');
    expect(prompt).toContain('c1: the Severn bore');
    expect(result.plan.sections.reduce((sum, section) => sum + section.words, 0)).toBe(3_000);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['budgets-rescaled', 'requirement-unplaced']),
    );
    expect(result.plan.sections.flatMap((section) => section.constraints)).toHaveLength(1);
  });

  it('recovers from invalid JSON through the retry layer', async () => {
    const model = promptModel(({ index }) =>
      index === 0
        ? { text: '{"title": "x", "sections": [' }
        : { text: draftPlanJson({ count: 3, words: 500 }) },
    );
    const result = await planDocument({
      task: createTask({ words: 1_500 }),
      call: { model, retry, clock: createFakeClock() },
      ...limits,
    });
    expect(model.doStreamCalls).toHaveLength(2);
    expect(result.plan.sections).toHaveLength(3);
  });

  it('asks for the shorter line form at once when the output limit cut the JSON, instead of retrying it', async () => {
    const model = promptModel(({ index }) =>
      index === 0
        ? { text: '{"title": "Tides", "sections": [{"title": "The moon"', finishReason: 'length' }
        : { text: agentWriteLines(3) },
    );
    const result = await planDocument({
      task: createTask({ words: 1_500 }),
      call: { model, retry, clock: createFakeClock() },
      ...limits,
    });
    expect(model.doStreamCalls).toHaveLength(2);
    expect(model.doStreamCalls[1]?.responseFormat?.type ?? 'text').toBe('text');
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain(
      'the reply reached its output limit before the plan ended',
    );
    expect(result.plan.sections).toHaveLength(3);
  });

  it('asks again, with the problems as feedback, when the plan cannot be repaired', async () => {
    const model = promptModel(({ index }) => ({
      text:
        index === 0
          ? '{"title":"x","sections":[],"placements":[]}'
          : draftPlanJson({ count: 3, words: 500 }),
    }));
    const result = await planDocument({
      task: createTask({ words: 1_500 }),
      call: { model },
      ...limits,
    });
    expect(result.attempts).toBe(2);
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain(
      'the plan has no usable sections',
    );
  });

  it('fails with a clear error after the attempts run out', async () => {
    const model = promptModel(() => ({ text: '{"title":"x","sections":[],"placements":[]}' }));
    const error = await planDocument({ task: createTask(), call: { model }, ...limits }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(PlanningError);
    expect(error.message).toContain('--plan');
    expect(model.doStreamCalls).toHaveLength(3);
  });

  it('asks again when the plan has far fewer sections than the length needs', async () => {
    const model = promptModel(({ index }) => ({
      text: draftPlanJson({ count: index === 0 ? 1 : 15, words: 700 }),
    }));
    const result = await planDocument({
      task: createTask({ words: 10_000 }),
      call: { model },
      ...limits,
    });
    expect(result.attempts).toBe(2);
    expect(result.plan.sections).toHaveLength(15);
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain('the plan has 1 section(s)');
  });

  it('accepts a plan with too few sections on the last attempt, split, and says so', async () => {
    const model = promptModel(() => ({ text: draftPlanJson({ count: 1, words: 700 }) }));
    const result = await planDocument({
      task: createTask({ words: 10_000 }),
      call: { model },
      ...limits,
    });
    expect(result.attempts).toBe(3);
    expect(result.plan.sections.length).toBeGreaterThanOrEqual(9);
    expect(result.findings).toContainEqual(expect.objectContaining({ ruleId: 'too-few-sections' }));
  });
});

describe('planDocument: plans that are not JSON', () => {
  it.each([
    ['AgentWrite lines', agentWriteLines(5)],
    ['a Markdown heading outline', headingOutline(5)],
  ])('accepts %s with no retry and says how the plan was read', async (_form, text) => {
    const model = promptModel(() => ({ text }));
    const result = await planDocument({
      task: createTask({ words: 2_500 }),
      call: { model },
      ...limits,
    });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(result.attempts).toBe(1);
    expect(result.plan.sections).toHaveLength(5);
    expect(result.plan.sections.reduce((sum, section) => sum + section.words, 0)).toBe(2_500);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'plan-read-from-text', severity: 'info' }),
    );
  });

  it('asks once more with the line form spelled out when nothing can be read, then accepts the lines', async () => {
    const model = promptModel(({ index }) => ({
      text:
        index === 0
          ? 'A plan for the tides, in my own words, with no structure at all.'
          : agentWriteLines(5),
    }));
    const result = await planDocument({
      task: createTask({ words: 2_500 }),
      call: { model },
      ...limits,
    });
    expect(model.doStreamCalls).toHaveLength(2);
    expect(result.attempts).toBe(2);
    const reminder = model.doStreamCalls[1]!;
    expect(reminder.responseFormat?.type ?? 'text').toBe('text');
    const prompt = JSON.stringify(reminder.prompt);
    expect(prompt).toContain('could not be read as a plan');
    expect(prompt).toContain('Main Point:');
    expect(prompt).toContain('Word Count:');
  });

  it('gives up after the one reminder, with advice about the format rather than waiting', async () => {
    const model = promptModel(() => ({ text: 'I would rather just write the whole thing now.' }));
    const error = await planDocument({ task: createTask(), call: { model }, ...limits }).catch(
      (e) => e,
    );
    expect(model.doStreamCalls).toHaveLength(2);
    expect(error).toBeInstanceOf(PlanningError);
    expect(error).toMatchObject({ problem: 'unreadable', attempts: 2 });
    expect(error.message).toContain('JSON mode');
    expect(error.message).toContain('--plan FILE');
    expect(error.message).toContain('write.planFormat');
    expect(error.message).toContain('I would rather just write');
    expect(error.message).not.toMatch(/try again later|concurrency|retry\.maxAttempts/);
  });

  it('asks in lines when the server refuses structured output', async () => {
    const model = promptModel(({ json }) => (json ? httpError(400) : { text: agentWriteLines(5) }));
    const result = await planDocument({
      task: createTask({ words: 2_500 }),
      call: { model, retry, clock: createFakeClock() },
      ...limits,
    });
    expect(model.doStreamCalls.map((call) => call.responseFormat?.type ?? 'text')).toEqual([
      'json',
      'text',
    ]);
    expect(result.plan.sections).toHaveLength(5);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'structured-output-refused', severity: 'warning' }),
    );
  });

  it('asks for lines, without a response format, when the plan format is lines', async () => {
    const model = promptModel(() => ({ text: agentWriteLines(5) }));
    await planDocument({
      task: createTask({ words: 2_500 }),
      call: { model },
      ...limits,
      format: 'lines',
    });
    const call = model.doStreamCalls[0]!;
    expect(call.responseFormat?.type ?? 'text').toBe('text');
    expect(JSON.stringify(call.prompt)).toContain('Section 1 - Title: Power From the Pond');
  });

  it('reads a plan written after a think block, in JSON or in lines, and hands on the thinking', async () => {
    const think = '<think>Five parts: moon, sun, {"maybe": "json"}, bores, mills.</think>\n';
    for (const [format, plan] of [
      ['json', `Here is the plan:\n\`\`\`json\n${draftPlanJson({ count: 5, words: 500 })}\n\`\`\``],
      ['lines', agentWriteLines(5)],
    ] as const) {
      const model = promptModel(() => ({ text: `${think}${plan}` }));
      const thoughts: string[] = [];
      const result = await planDocument({
        task: createTask({ words: 2_500 }),
        call: { model, onThinking: (thinking) => thoughts.push(thinking) },
        ...limits,
        format,
      });
      expect(model.doStreamCalls).toHaveLength(1);
      expect(result.plan.sections).toHaveLength(5);
      expect(thoughts).toEqual(['Five parts: moon, sun, {"maybe": "json"}, bores, mills.']);
    }
  });

  it('sends the JSON schema and a JSON example when the plan format is json', async () => {
    const model = promptModel(() => ({ text: draftPlanJson({ count: 5, words: 500 }) }));
    await planDocument({ task: createTask({ words: 2_500 }), call: { model }, ...limits });
    const call = model.doStreamCalls[0]!;
    expect(call.responseFormat).toMatchObject({ type: 'json', name: 'plan' });
    expect(JSON.stringify(call.prompt)).toContain('Power From the Pond');
  });
});
