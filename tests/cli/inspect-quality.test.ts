import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReviewRounds } from '../../src/store/review-files.js';
import { writeDocument } from '../../src/write-document.js';
import { runMain } from '../bench/helpers/run-main.js';
import { createRunOnDisk } from '../helpers/run-on-disk.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** `quire inspect` in this process: what it prints is tested here, not the process around it. */
const inspect = (cwd: string, ...flags: string[]) =>
  runMain({ argv: ['inspect', 'run', ...flags], cwd });
const request = 'Write a 6,000-word history of the harbour pilots of Lisbon and their guild';

async function write(quality: 'fast' | 'standard') {
  const folder = await tempDir();
  const result = await writeDocument({
    request,
    model: 'sim:seed=23,defects=0.2',
    directory: join(folder, 'run'),
    config: { write: { quality } },
  });
  return { folder, result, directory: join(folder, 'run') };
}

describe('quire inspect on the quality stages', () => {
  it('shows tokens and cost per stage, each review round, the rewrites and the ledger', async () => {
    const { folder, directory } = await write('standard');
    const rounds = await readReviewRounds({ directory });
    expect(rounds.length).toBeGreaterThan(0);
    const first = rounds[0]!;
    expect(first.findings.findings.length).toBeGreaterThan(0);

    const json = await inspect(folder, '--json');
    expect(json.code, json.stderr).toBe(0);
    const summary = JSON.parse(json.stdout);
    expect(summary.stages.map((stage: { stage: string }) => stage.stage)).toEqual([
      'planning',
      'critique',
      'drafting',
      'review',
      'rewrite',
    ]);
    // The simulated model is priced at nothing: a known price, so a cost of 0.
    expect(summary.stages[3]).toMatchObject({ calls: expect.any(Number), costUsd: 0 });
    expect(summary.stages[3].calls).toBeGreaterThan(0);
    expect(summary.review).toHaveLength(rounds.length);
    const round = summary.review[0];
    expect(round.findings).toBe(first.findings.findings.length);
    const ruleCounts = Object.values(round.byRule) as number[];
    expect(ruleCounts.reduce((sum, count) => sum + count, 0)).toBe(round.findings);
    const rewrite = first.rewrites[0]!;
    expect(round.rewrites[0]).toEqual({
      sectionId: rewrite.sectionId,
      index: rewrite.index,
      kept: rewrite.kept,
      findingsBefore: rewrite.findingsBefore.length,
      findingsAfter: rewrite.findingsAfter.length,
    });
    expect(summary.ledger).toEqual({
      entities: expect.any(Number),
      claims: expect.any(Number),
      openThreads: expect.any(Number),
    });
    expect(summary.ledger.claims).toBeGreaterThan(0);

    const text = await inspect(folder);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/review +\S+ \(\S+\) +\S+ +\d+ +\$0\.0000/);
    expect(text.stdout).toContain(
      `review round 1: ${round.findings} finding${round.findings === 1 ? '' : 's'}`,
    );
    const [rule, count] = Object.entries(round.byRule)[0]!;
    expect(text.stdout).toContain(`${rule} ×${count}`);
    expect(text.stdout).toContain(
      `${rewrite.sectionId} ${rewrite.kept ? 'kept' : 'not kept'} (${rewrite.findingsBefore.length} → ${rewrite.findingsAfter.length})`,
    );
    expect(text.stdout).toMatch(
      new RegExp(`ledger +${summary.ledger.entities} entities, ${summary.ledger.claims} claims`),
    );
  }, 120_000);

  it('shows each plan critique round: its findings, the revision kept and what it changed', async () => {
    const folder = await tempDir();
    await writeDocument({
      request,
      model: 'sim:seed=13,plan-defects=vague-brief+listicle',
      directory: join(folder, 'run'),
      config: { write: { quality: 'standard' }, review: { rounds: 0 } },
    });
    const json = await inspect(folder, '--json');
    expect(json.code, json.stderr).toBe(0);
    const [round, ...others] = JSON.parse(json.stdout).critique;
    expect(others).toEqual([]);
    expect(round).toMatchObject({ round: 1, calls: 3, kept: true, findingsAfter: 0 });
    expect(round.byRule).toMatchObject({ 'critique/vague-brief': 1, 'critique/listicle': 3 });
    expect(round.diff).toMatchObject({ added: 0, removed: 0, renamed: 3, briefs: 1 });

    const text = await inspect(folder);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      `critique round 1: ${round.findings} findings → 0, 3 calls, revision kept`,
    );
    expect(text.stdout).toContain('critique/listicle ×3');
    expect(text.stdout).toContain('0 added, 0 removed, 3 renamed, 1 briefs');
    expect(text.stdout).toMatch(/critique +\S+ \(\S+\) +\S+ +3 +\$0\.0000/);
  }, 120_000);

  it('shows no review for a run without one', async () => {
    const { folder } = await write('fast');
    const json = await inspect(folder, '--json');
    expect(json.code, json.stderr).toBe(0);
    const summary = JSON.parse(json.stdout);
    expect(summary.review).toBeUndefined();
    expect(summary.critique).toBeUndefined();
    expect(summary.stages.map((stage: { stage: string }) => stage.stage)).toEqual([
      'planning',
      'drafting',
    ]);
    const text = await inspect(folder);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('words / budget');
    expect(text.stdout).not.toContain('review round');
    expect(text.stdout).not.toContain('critique round');
  }, 120_000);

  it.each([
    ['ledger.json', 'ledger.json'],
    ['a review round', join('review', 'round-1', 'findings.json')],
    ['a plan critique round', join('plan', 'critique-round-1.json')],
  ])(
    'names a damaged %s in one line and exits 2',
    async (_label, name) => {
      const folder = await tempDir();
      const directory = await createRunOnDisk({ directory: join(folder, 'run'), task: {} });
      await mkdir(join(directory, dirname(name)), { recursive: true });
      await writeFile(join(directory, name), '{"round": 1, "broken');
      const inspected = await inspect(folder);
      expect(inspected.code).toBe(2);
      expect(inspected.stdout).toBe('');
      expect(inspected.stderr.trim().split('\n')).toEqual([expect.stringContaining(name)]);
    },
    60_000,
  );
});
