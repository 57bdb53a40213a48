import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('quire sft --think-notes', () => {
  it('adds each section think note as a think_notes field', async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, 'in.jsonl'),
      `${JSON.stringify({ prompt: 'Write about the ferries of the Bosphorus.', length: 600 })}\n`,
    );
    // At fast, notes are off unless config asks for them.
    await writeFile(
      join(cwd, 'quire.json'),
      JSON.stringify({ write: { quality: 'fast', thinkNotes: 'marked' } }),
    );
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
});
