import { describe, expect, it } from 'vitest';
import { recheckSection } from '../../../src/control/review/recheck-section.js';
import {
  renderPlan,
  renderSection,
  reviewDocument,
} from '../../../src/control/review/review-document.js';
import { reviewedSections } from '../../../src/control/review/reviewed-sections.js';
import { ruleFindings } from '../../../src/control/review/rule-findings.js';
import { ContextWindow } from '../../../src/model/context/context-window.js';
import { estimateCounter } from '../../../src/model/tokens/token-counter.js';
import { createPlan } from '../../helpers/builders.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { type PromptCall, promptModel, prose } from '../../helpers/prompt-model.js';

const plan = createPlan({ count: 4, words: 120 });
const sections = reviewedSections({
  plan,
  texts: plan.sections.map((_, index) => prose(120, index + 1)),
});

/** A reviewer that flags every section it is shown, and s004 whether shown or not. */
function flaggingModel() {
  return promptModel((call: PromptCall) => {
    const shown = [...call.prompt.matchAll(/<section id="(\w+)"/g)].map(([, id]) => id!);
    return {
      text: JSON.stringify({
        reviewed: shown,
        findings: [
          ...shown.map((id) => ({
            rule: 'transition',
            sections: [id],
            message: `${id} does not follow`,
            severity: 'warning',
          })),
          { rule: 'contradiction', sections: ['s004'], message: 'wrong date', severity: 'error' },
        ],
      }),
      inputTokens: 100,
      outputTokens: 20,
    };
  });
}

async function review({
  windowTokens,
  thinkingTokens,
}: {
  windowTokens?: number;
  thinkingTokens?: number;
}) {
  const model = flaggingModel();
  const result = await reviewDocument({
    call: {
      model,
      clock: createFakeClock(),
      ...(windowTokens === undefined
        ? {}
        : {
            window: new ContextWindow({
              state: { tokens: windowTokens, source: 'config' },
              counter: estimateCounter,
            }),
          }),
      ...(thinkingTokens === undefined ? {} : { thinkingTokens }),
    },
    request: 'Write about tides',
    sections,
    maxOutputTokens: 500,
  });
  const shown = model.doStreamCalls.map((call) =>
    [...JSON.stringify(call.prompt).matchAll(/<section id=\\"(\w+)\\"/g)].map(([, id]) => id),
  );
  const labels = model.doStreamCalls.map(
    (call) => /Sections shown: ([^.]+)\./.exec(JSON.stringify(call.prompt))?.[1],
  );
  return { result, shown, labels };
}

describe('reviewDocument', () => {
  it('reads the whole document in one call when no window is known', async () => {
    const { result, shown, labels } = await review({});
    expect(shown).toEqual([['s001', 's002', 's003', 's004']]);
    expect(labels).toEqual(['1–4 of 4']);
    expect(result.calls).toBe(1);
    expect(result.findings).toHaveLength(5);
    expect(result.usage).toMatchObject({ inputTokens: 100, outputTokens: 20 });
  });

  it('reads a document too long for the window in overlapping windows, each finding once', async () => {
    const { result, shown, labels } = await review({ windowTokens: 2_100 });
    // About 210 tokens a section, and room for two beside the request, plan and reply.
    expect(shown).toEqual([
      ['s001', 's002'],
      ['s002', 's003'],
      ['s003', 's004'],
    ]);
    expect(labels).toEqual(['1–2 of 4', '2–3 of 4', '3–4 of 4']);
    expect(result.calls).toBe(3);
    // One finding per section and message, though the overlap shows a section twice; the
    // contradiction of s004 only from the window that showed it.
    expect(
      result.findings.filter((finding) => finding.ruleId === 'review/transition'),
    ).toHaveLength(4);
    expect(result.findings.filter((finding) => finding.ruleId === 'review/contradiction')).toEqual([
      {
        evaluator: 'review',
        ruleId: 'review/contradiction',
        message: 'wrong date',
        severity: 'error',
        location: { section: 's004' },
      },
    ]);
    expect(result.usage.inputTokens).toBe(300);
  });

  it('leaves room for the model’s thinking, reading smaller windows', async () => {
    const plain = await review({ windowTokens: 2_300 });
    const thinking = await review({ windowTokens: 2_300, thinkingTokens: 200 });
    expect(plain.result.calls).toBe(2);
    expect(thinking.result.calls).toBe(3);
  });

  it('drops a finding about a section it was not shown', async () => {
    const model = flaggingModel();
    const result = await reviewDocument({
      call: { model, clock: createFakeClock() },
      request: 'Write about tides',
      sections: sections.slice(0, 2),
      sectionCount: 4,
    });
    expect(result.findings.map((finding) => finding.location?.section)).toEqual(['s001', 's002']);
    expect(JSON.stringify(model.doStreamCalls[0]!.prompt)).toContain('Sections shown: 1–2 of 4.');
    expect(model.doStreamCalls[0]!.maxOutputTokens).toBe(4_000);
    expect(model.doStreamCalls[0]!.temperature).toBe(0);
  });
});

describe('renderPlan and renderSection', () => {
  const section = {
    index: 0,
    id: 's001',
    title: 'The "new" harbour',
    brief: 'Its  building,\nand cost.',
    words: 300,
    text: '\n  The text.  \n',
  };

  it('gives the reviewer one line per section, quotes made safe', () => {
    expect(renderPlan([section])).toBe(
      `- s001 "The 'new' harbour" (300 words): Its building, and cost.`,
    );
  });

  it('tags a section with its id and title, its text trimmed', () => {
    expect(renderSection(section)).toBe(
      `<section id="s001" title="The 'new' harbour">\nThe text.\n</section>`,
    );
  });
});

describe('ruleFindings', () => {
  const settings = { lengthTolerance: 0.15, maxOverlap: 0.2 };

  it('flags a section far over or under its budget, and only the sections asked', () => {
    const texts = [prose(120, 1), prose(200, 2), prose(40, 3), prose(120, 4)];
    const findings = ruleFindings({ plan, texts, settings });
    expect(findings).toEqual([
      {
        evaluator: 'length',
        ruleId: 'length/section-long',
        severity: 'warning',
        message: 'is too long (over-length): 200 words where its budget is 120; cut it down',
        location: { section: 's002' },
      },
      {
        evaluator: 'length',
        ruleId: 'length/section-short',
        severity: 'warning',
        message: 'is too short: 40 words where its budget is 120; develop it',
        location: { section: 's003' },
      },
    ]);
    expect(ruleFindings({ plan, texts, only: [2], settings })).toEqual([findings[1]]);
  });

  it('points every check’s finding at its section, and checks overlap with earlier ones', () => {
    const texts = [prose(120, 1), prose(120, 1), prose(120, 3), prose(120, 4)];
    const findings = ruleFindings({ plan, texts, settings });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.location?.section === 's002')).toBe(true);
  });
});

describe('recheckSection', () => {
  it('reviews a rewrite between its two neighbours, keeping only the findings about it', async () => {
    const model = flaggingModel();
    const texts = plan.sections.map((_, index) => prose(120, index + 1));
    const { findings, usage } = await recheckSection({
      call: { model, clock: createFakeClock() },
      request: 'Write about tides',
      plan,
      texts,
      index: 2,
      candidate: prose(40, 9),
      facts: ['The toll was three pence.'],
      settings: { lengthTolerance: 0.15, maxOverlap: 0.2 },
    });
    const prompt = JSON.stringify(model.doStreamCalls[0]!.prompt);
    expect(prompt).toContain('Sections shown: 2–4 of 4.');
    expect(prompt).toContain(prose(40, 9).slice(0, 40));
    expect(prompt).not.toContain(texts[2]!.slice(0, 40));
    expect(prompt).toContain('- The toll was three pence.');
    expect(findings.map((finding) => [finding.ruleId, finding.location?.section])).toEqual([
      ['review/transition', 's003'],
      ['length/section-short', 's003'],
    ]);
    expect(usage).toMatchObject({ inputTokens: 100, outputTokens: 20 });
  });

  it('shows the first section with the one after it only', async () => {
    const model = flaggingModel();
    await recheckSection({
      call: { model, clock: createFakeClock() },
      request: 'Write about tides',
      plan,
      texts: plan.sections.map((_, index) => prose(120, index + 1)),
      index: 0,
      candidate: prose(120, 9),
      facts: [],
      settings: { lengthTolerance: 0.15, maxOverlap: 0.2 },
    });
    expect(JSON.stringify(model.doStreamCalls[0]!.prompt)).toContain('Sections shown: 1–2 of 4.');
  });
});
