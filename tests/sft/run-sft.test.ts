import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stableItemId } from '../../src/batch/stable-item-id.js';
import { ConfigSchema } from '../../src/config/config-schema.js';
import { InputFileError } from '../../src/errors/input-file-error.js';
import { runSft } from '../../src/sft/run-sft.js';
import type { SftInstruction } from '../../src/sft/sft-instruction.js';
import { sftInstructionSource } from '../../src/sft/sft-instruction-source.js';
import { SftMetadataSchema } from '../../src/sft/sft-metadata.js';
import { SftRejectedRecordSchema } from '../../src/sft/sft-rejected-record.js';
import {
  benchConfig,
  failingModel,
  refusingModel,
  simModel,
} from '../bench/helpers/bench-models.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const topics = ['tides', 'kites', 'glaciers', 'violins', 'bridges', 'orchards'];

/** Instructions of 200 to 700 words; line n asks for 100·(n + 1). */
function instructionList(count = 6): SftInstruction[] {
  return Array.from({ length: count }, (_, index) => {
    const prompt = `Write an essay about ${topics[index % topics.length]} (${index + 1}).`;
    const length = 100 * (index + 2);
    return { id: stableItemId({ prompt, length }), line: index + 1, prompt, length };
  });
}

function instructions(count = 6) {
  return sftInstructionSource(instructionList(count));
}

async function lines(path: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text === ''
    ? []
    : text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
}

describe('runSft', () => {
  it('records token counts it had to estimate as estimated, never as zero', async () => {
    const dir = await tempDir();
    const out = join(dir, 'data.jsonl');
    await runSft({
      instructions: instructions(1),
      out,
      format: 'messages',
      model: simModel('sim:usage=off'),
      config: benchConfig,
      concurrency: 1,
      minWords: 1,
    });
    const [record] = await lines(out);
    const metadata = SftMetadataSchema.parse(record?.metadata);
    expect(metadata.tokens).toMatchObject({ estimated: true });
    expect(metadata.tokens.input).toBeGreaterThan(0);
    expect(metadata.tokens.output).toBeGreaterThan(0);
  });

  it('writes kept answers as records and rejects the others with reasons, longest first', async () => {
    const dir = await tempDir();
    const out = join(dir, 'data.jsonl');
    const started: number[] = [];
    const result = await runSft({
      instructions: instructions(),
      out,
      format: 'messages',
      model: simModel(),
      config: benchConfig,
      concurrency: 1,
      minWords: 450,
      onEvent: (event) => {
        if (event.type === 'item-start') started.push(event.instruction.line);
      },
    });
    expect(started).toEqual([6, 5, 4, 3, 2, 1]);
    expect(result).toMatchObject({ total: 6, skipped: 0, failures: [], interrupted: false });
    const written = await lines(out);
    const rejected = await lines(join(dir, 'data.rejected.jsonl'));
    expect(written.length + rejected.length).toBe(6);
    expect(rejected.length).toBeGreaterThanOrEqual(2);
    for (const record of written) {
      const metadata = SftMetadataSchema.parse(record.metadata);
      expect(record.messages).toEqual([
        { role: 'user', content: expect.stringContaining('Write an essay about') },
        { role: 'assistant', content: expect.any(String) },
      ]);
      expect(metadata.words).toBeGreaterThanOrEqual(450);
      expect(metadata).toMatchObject({ model: 'sim', sections: expect.any(Number) });
      expect(metadata.tokens.output).toBeGreaterThan(0);
    }
    for (const line of rejected) {
      const record = SftRejectedRecordSchema.parse(line);
      expect(record.reasons[0]?.reason).toBe('too-short');
      expect(record.response.length).toBeGreaterThan(0);
    }
    expect(result.session.written + result.session.rejected).toBe(6);
    expect(existsSync(join(dir, 'data.runs'))).toBe(false);
  });

  it('skips what an earlier session wrote or rejected, asking the model nothing', async () => {
    const dir = await tempDir();
    const out = join(dir, 'data.jsonl');
    await runSft({
      instructions: instructions(4),
      out,
      format: 'alpaca',
      model: simModel(),
      config: benchConfig,
      minWords: 350,
    });
    // A kill between a line and the removal of its run directory leaves the directory.
    const stale = join(dir, 'data.runs', instructionList(4)[0]!.id);
    await mkdir(stale, { recursive: true });
    const again = await runSft({
      instructions: instructions(4),
      out,
      format: 'alpaca',
      model: refusingModel(),
      config: benchConfig,
      minWords: 350,
    });
    expect(again).toMatchObject({ total: 4, skipped: 4, failures: [] });
    expect(again.written.length + again.rejected.length).toBe(4);
    expect((await lines(out)).length + (await lines(join(dir, 'data.rejected.jsonl'))).length).toBe(
      4,
    );
    expect(existsSync(stale)).toBe(false);
  });

  it('rejects an answer whose run ended outside the length gate, with the reason', async () => {
    const dir = await tempDir();
    const out = join(dir, 'data.jsonl');
    const result = await runSft({
      instructions: instructions(1),
      out,
      format: 'messages',
      model: simModel('sim:ceiling=3'),
      config: benchConfig,
    });
    expect(result.session).toMatchObject({ written: 0, rejected: 1 });
    const [line] = await lines(join(dir, 'data.rejected.jsonl'));
    const record = SftRejectedRecordSchema.parse(line);
    expect(record.reasons).toContainEqual({
      reason: 'incomplete-length',
      message: expect.stringMatching(
        /^the document has \d+ of 200 words .*under the 0\.9× floor.*about 3 words per reply$/,
      ),
    });
  });

  it('keeps the run directories with keepRuns', async () => {
    const dir = await tempDir();
    const [first] = instructionList(1);
    await runSft({
      instructions: sftInstructionSource([first!]),
      out: join(dir, 'd.jsonl'),
      format: 'sharegpt',
      model: simModel(),
      config: benchConfig,
      keepRuns: true,
    });
    expect(existsSync(join(dir, 'd.runs', first!.id, 'document.md'))).toBe(true);
  });

  it('writes the same bytes on every run given the same fixedClock, the same lines at any concurrency', async () => {
    const dir = await tempDir();
    const config = ConfigSchema.parse({ ...benchConfig, fixedClock: '2026-01-01T00:00:00Z' });
    const run = async (name: string, concurrency: number) => {
      await runSft({
        instructions: instructions(4),
        out: join(dir, `${name}.jsonl`),
        format: 'messages',
        model: simModel(),
        config,
        concurrency,
        minWords: 350,
      });
      const read = (suffix: string) => readFile(join(dir, `${name}${suffix}`), 'utf8');
      return { written: await read('.jsonl'), rejected: await read('.rejected.jsonl') };
    };
    const first = await run('first', 1);
    expect(first.written).not.toBe('');
    expect(await run('second', 1)).toEqual(first);
    // Records are appended as items finish, so only the order may differ.
    const sorted = (text: string) => text.split('\n').sort();
    const four = await run('four', 4);
    expect(sorted(four.written)).toEqual(sorted(first.written));
    expect(sorted(four.rejected)).toEqual(sorted(first.rejected));
    for (const line of await lines(join(dir, 'first.jsonl'))) {
      const metadata = SftMetadataSchema.parse(line.metadata);
      expect(metadata.createdAt).toMatch(/^2026-01-01T00:00:00\.\d{3}Z$/);
      expect(metadata.elapsedSeconds).toBeGreaterThan(0);
    }
  });

  it('records a failed instruction without writing it, and retries it on the next run', async () => {
    const dir = await tempDir();
    const out = join(dir, 'data.jsonl');
    const first = await runSft({
      instructions: instructions(3),
      out,
      format: 'messages',
      model: failingModel({ failOn: 'kites' }),
      config: benchConfig,
      minWords: 1,
    });
    expect(first.failures.map((failure) => failure.id)).toEqual([instructionList(3)[1]!.id]);
    expect(await lines(out)).toHaveLength(2);
    const second = await runSft({
      instructions: instructions(3),
      out,
      format: 'messages',
      model: simModel(),
      config: benchConfig,
      minWords: 1,
    });
    expect(second).toMatchObject({ skipped: 2, failures: [] });
    expect(await lines(out)).toHaveLength(3);
  });

  it('refuses to append records of another format, or to a file it did not write', async () => {
    const dir = await tempDir();
    const out = join(dir, 'data.jsonl');
    await runSft({
      instructions: instructions(1),
      out,
      format: 'messages',
      model: simModel(),
      config: benchConfig,
      minWords: 1,
    });
    const before = await readFile(out, 'utf8');
    const other = await runSft({
      instructions: instructions(2),
      out,
      shownAs: 'data.jsonl',
      format: 'alpaca',
      model: simModel(),
      config: benchConfig,
    }).catch((caught) => caught);
    expect(other).toBeInstanceOf(InputFileError);
    expect(other.message).toBe(
      'data.jsonl, line 1, holds messages records, not alpaca; pass --format messages to continue it: choose another --out (quire only appends to its own output).',
    );
    expect(await readFile(out, 'utf8')).toBe(before);
    const foreign = join(dir, 'notes.jsonl');
    await writeFile(foreign, '{"text":"mine"}\n');
    const refused = await runSft({
      instructions: instructions(1),
      out: foreign,
      shownAs: 'notes.jsonl',
      format: 'messages',
      model: simModel(),
      config: benchConfig,
    }).catch((caught) => caught);
    expect(refused.message).toMatch(/^notes\.jsonl, line 1, is not a record quire wrote/);
  });

  it('exports the thinking of a reasoning model with --thinking, and never in the answer', async () => {
    const dir = await tempDir();
    const run = (thinking: boolean, file: string) =>
      runSft({
        instructions: instructions(2),
        out: join(dir, file),
        format: 'messages',
        model: simModel('sim:think=tags,think-words=40'),
        config: benchConfig,
        minWords: 1,
        thinking,
      });
    await run(true, 'data.jsonl');
    await run(false, 'plain.jsonl');
    type Turn = { role: string; content: string; reasoning_content?: string };
    type Metadata = { id: string; tokens: { reasoning: number } };
    // Records land in the order their runs finish: match them by instruction.
    const byId = async (file: string) =>
      new Map(
        (await lines(join(dir, file))).map((record) => [
          (record.metadata as Metadata).id,
          { turn: (record.messages as Turn[])[1], metadata: record.metadata as Metadata },
        ]),
      );
    const [withThinking, plain] = [await byId('data.jsonl'), await byId('plain.jsonl')];
    expect(withThinking.size).toBe(2);
    for (const [id, { turn, metadata }] of withThinking) {
      expect(turn?.reasoning_content?.split(/\s+/).length).toBeGreaterThan(40);
      expect(turn?.content).not.toMatch(/think>/);
      expect(turn?.content).toBe(plain.get(id)?.turn?.content);
      expect(plain.get(id)?.turn).not.toHaveProperty('reasoning_content');
      expect(metadata.tokens.reasoning).toBeGreaterThan(40);
    }
  });
});
