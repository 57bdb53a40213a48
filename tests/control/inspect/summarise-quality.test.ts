import { describe, expect, it } from 'vitest';
import { ledgerSize } from '../../../src/control/inspect/ledger-size.js';
import { summariseCritique } from '../../../src/control/inspect/summarise-critique.js';
import { summariseQuality } from '../../../src/control/inspect/summarise-quality.js';
import { summariseReview } from '../../../src/control/inspect/summarise-review.js';
import { emptyLedger } from '../../../src/control/ledger/ledger-schema.js';
import type { Finding } from '../../../src/evaluators/finding.js';
import type { CritiqueRound } from '../../../src/store/critique-files.js';
import type { RewriteRecord } from '../../../src/store/review-files.js';
import { createInfo, createLedger, createPlan } from '../../helpers/builders.js';

function finding(ruleId: string, section?: string): Finding {
  return {
    evaluator: 'review',
    ruleId,
    message: `${ruleId} found`,
    severity: 'warning',
    ...(section === undefined ? {} : { location: { section } }),
  };
}

function rewrite(overrides: Partial<RewriteRecord> = {}): RewriteRecord {
  return {
    sectionId: 's002',
    index: 1,
    kept: true,
    before: 'review/round-1/002-section-2.before.md',
    after: 'review/round-1/002-section-2.after.md',
    findingsBefore: [finding('review/repetition', 's002'), finding('review/drift', 's002')],
    findingsAfter: [],
    ...overrides,
  };
}

function critiqueRound(overrides: Partial<CritiqueRound> = {}): CritiqueRound {
  return { round: 1, findings: [], calls: 2, kept: false, reason: 'no revision', ...overrides };
}

function infoWith(stages?: Record<string, unknown>) {
  const info = createInfo({ spec: 'openai:gpt-4o' });
  return { ...info, ...(stages ? { stages } : {}) };
}

describe('summariseReview', () => {
  it('counts a round by rule and by section, naming the document for findings of no section', () => {
    const [round] = summariseReview({
      rounds: [
        {
          findings: {
            round: 2,
            calls: 3,
            findings: [
              finding('review/repetition', 's002'),
              finding('review/repetition', 's003'),
              finding('review/drift', 's002'),
              finding('review/drift'),
            ],
          },
          rewrites: [rewrite(), rewrite({ sectionId: 's003', index: 2, kept: false })],
        },
      ],
    });
    expect(round).toEqual({
      round: 2,
      calls: 3,
      findings: 4,
      byRule: { 'review/repetition': 2, 'review/drift': 2 },
      bySection: { s002: 2, s003: 1, document: 1 },
      rewrites: [
        { sectionId: 's002', index: 1, kept: true, findingsBefore: 2, findingsAfter: 0 },
        { sectionId: 's003', index: 2, kept: false, findingsBefore: 2, findingsAfter: 0 },
      ],
    });
  });
});

describe('summariseCritique', () => {
  const draft = createPlan({ count: 3, words: 500 });
  const longer = createPlan({ count: 3, words: 700 });
  const renamed = createPlan({
    count: 3,
    words: 700,
    sections: [{ title: 'A new opening' }],
  });

  it('diffs each revision against the plan its round began with: the last one kept', () => {
    const summary = summariseCritique({
      draft,
      rounds: [
        critiqueRound({
          round: 1,
          findings: [finding('plan/thin-brief', 's001'), finding('plan/overlap')],
          kept: true,
          reason: 'fewer findings',
          revised: longer,
          findingsAfter: [finding('plan/overlap')],
        }),
        critiqueRound({ round: 2, kept: false, reason: 'more findings', revised: renamed }),
        critiqueRound({ round: 3, reason: 'the critic found nothing' }),
      ],
    });
    expect(summary[0]).toEqual({
      round: 1,
      calls: 2,
      findings: 2,
      byRule: { 'plan/thin-brief': 1, 'plan/overlap': 1 },
      bySection: { s001: 1, plan: 1 },
      kept: true,
      reason: 'fewer findings',
      findingsAfter: 1,
      diff: { added: 0, removed: 0, renamed: 0, briefs: 0, budgets: 3 },
    });
    // Against the kept revision (700 words each), round 2 changed only a title, not budgets.
    expect(summary[1]!.diff).toEqual({ added: 0, removed: 0, renamed: 1, briefs: 0, budgets: 0 });
    expect(summary[1]).not.toHaveProperty('findingsAfter');
    expect(summary[2]).not.toHaveProperty('diff');
    expect(summary[2]).toMatchObject({ findings: 0, byRule: {}, bySection: {}, kept: false });
  });

  it('keeps diffing against the draft when a revision was made but not kept', () => {
    const summary = summariseCritique({
      draft,
      rounds: [
        critiqueRound({ round: 1, kept: false, revised: longer }),
        critiqueRound({ round: 2, kept: false, revised: longer }),
      ],
    });
    expect(summary.map((round) => round.diff?.budgets)).toEqual([3, 3]);
  });

  it('does not move the base plan when a round is kept without a revision', () => {
    const summary = summariseCritique({
      draft,
      rounds: [
        critiqueRound({ round: 1, kept: true }),
        critiqueRound({ round: 2, kept: false, revised: longer }),
      ],
    });
    expect(summary[1]!.diff?.budgets).toBe(3);
  });
});

describe('ledgerSize', () => {
  it('counts entities, claims and only the threads still open', () => {
    const ledger = createLedger({ count: 2 });
    const resolved = {
      ...ledger,
      threads: ledger.threads.map((thread, index) =>
        index === 0 ? { ...thread, resolvedIn: 's002' } : thread,
      ),
    };
    expect(ledgerSize({ ledger: resolved })).toEqual({ entities: 2, claims: 4, openThreads: 1 });
    expect(ledgerSize({ ledger: emptyLedger })).toEqual({ entities: 0, claims: 0, openThreads: 0 });
  });
});

describe('summariseQuality', () => {
  it('holds nothing for a run that kept no quality records', () => {
    expect(summariseQuality({ info: infoWith(), reviewRounds: [], ledger: undefined })).toEqual({});
  });

  it('leaves out the critique when the draft plan was not kept, even with rounds', () => {
    const summary = summariseQuality({
      info: infoWith(),
      critiqueRounds: [critiqueRound()],
      reviewRounds: [],
      ledger: undefined,
    });
    expect(summary).toEqual({});
  });

  it('leaves out the critique of a plan kept as drafted but never critiqued', () => {
    const summary = summariseQuality({
      info: infoWith(),
      draftPlan: createPlan(),
      reviewRounds: [],
      ledger: undefined,
    });
    expect(summary).toEqual({});
    expect(
      summariseQuality({
        info: infoWith(),
        draftPlan: createPlan(),
        critiqueRounds: [],
        reviewRounds: [],
        ledger: undefined,
      }),
    ).toEqual({});
  });

  it('gathers every record a run kept, the seam pass as round 0', () => {
    const usage = { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, calls: 1 };
    const summary = summariseQuality({
      info: infoWith({ drafting: usage }),
      draftPlan: createPlan(),
      critiqueRounds: [critiqueRound()],
      seamPass: {
        findings: { seams: [1, 2], findings: [finding('seams/abrupt', 's002')], calls: 2 },
        repairs: [rewrite()],
      },
      reviewRounds: [
        { findings: { round: 1, calls: 1, findings: [finding('review/drift')] }, rewrites: [] },
      ],
      ledger: createLedger({ count: 1 }),
      events: [
        { type: 'think-end', mode: 'call', sectionId: 's001', note: 'Purpose: x', words: 2 },
      ],
    });
    expect(summary.stages?.map((stage) => stage.stage)).toEqual(['drafting']);
    expect(summary.critique).toHaveLength(1);
    expect(summary.seams).toMatchObject({
      round: 0,
      calls: 2,
      findings: 1,
      bySection: { s002: 1 },
      rewrites: [expect.objectContaining({ sectionId: 's002', kept: true })],
    });
    expect(summary.review).toEqual([expect.objectContaining({ round: 1, findings: 1 })]);
    expect(summary.ledger).toEqual({ entities: 1, claims: 2, openThreads: 1 });
    expect(summary.thinkNotes).toMatchObject({ call: 1, words: 2 });
  });
});
