import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** A temp folder holding `in.jsonl` with one 600-word instruction. */
async function folderWithInstruction(): Promise<string> {
  const cwd = await tempDir();
  await writeFile(
    join(cwd, 'in.jsonl'),
    `${JSON.stringify({ prompt: 'Write about the ferries of the Bosphorus.', length: 600 })}\n`,
  );
  return cwd;
}

describe('quire sft --think-notes', () => {
  it('adds each section think note as a think_notes field', async () => {
    const cwd = await folderWithInstruction();
    // quire sft's own level (fast) makes no notes: asking for them in the records makes them.
    const result = await runCli({
      args: [
        'sft',
        'in.jsonl',
        '--out',
        'out.jsonl',
        '--model',
        'sim',
        '--min-words',
        '1',
        '--think-notes',
      ],
      cwd,
      timeoutMs: 90_000,
    });
    expect(result.code, result.stderr).toBe(0);
    const record = JSON.parse(await readFile(join(cwd, 'out.jsonl'), 'utf8')) as {
      think_notes: Array<{ section: string; note: string }>;
      messages: Array<{ content: string }>;
    };
    expect(record.think_notes.length).toBeGreaterThan(0);
    for (const { section, note } of record.think_notes) {
      expect(section).not.toBe('');
      expect(note).toMatch(/^Purpose: .+\nLink: /);
    }
    expect(record.messages[1]?.content).not.toMatch(/@@|^Purpose:/m);
  }, 120_000);

  it('exits 2 with one line when write.thinkNotes turns the notes off', async () => {
    const cwd = await folderWithInstruction();
    await writeFile(join(cwd, 'quire.json'), JSON.stringify({ write: { thinkNotes: 'off' } }));
    const result = await runCli({
      args: [
        '--config',
        'quire.json',
        'sft',
        'in.jsonl',
        '--out',
        'out.jsonl',
        '--model',
        'sim',
        '--think-notes',
      ],
      cwd,
      timeoutMs: 60_000,
    });
    expect(result.code).toBe(2);
    // One line besides the notice that the model is the simulated one.
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((line) => !line.includes('simulated model'))).toHaveLength(1);
    expect(result.stderr).toMatch(/write\.thinkNotes is "off"/);
    await expect(readFile(join(cwd, 'out.jsonl'), 'utf8')).rejects.toThrow();
  }, 90_000);
});
