import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../bench/helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { snapshotTree } from './helpers/snapshot-tree.js';

// A run directory is read back as untrusted: whatever was done to its files (by a crash, a
// careless edit or an attacker), quire refuses in one line naming the file, exit 2, without
// following links or printing control characters raw, and changes nothing.

const tempDir = useTempDir();
const secret = 'TOP-SECRET-CONTENT-0451';
let template: string;

beforeAll(async () => {
  template = await mkdtemp(join(tmpdir(), 'quire-test-'));
  const written = await runMain({
    argv: [
      'write',
      '--quality',
      'fast',
      'A short note on the tides of Brittany',
      '--words',
      '600',
      '--model',
      'sim',
      '--out',
      'run',
    ],
    cwd: template,
  });
  expect(written.code, written.stderr).toBe(0);
  // A stopped run: resume has work to do.
  const info = join(template, 'run', 'run.json');
  await writeFile(info, (await readFile(info, 'utf8')).replace('"completed"', '"stopped"'));
  await writeFile(join(template, 'secret.txt'), `${secret}\n`);
});
afterAll(() => rm(template, { recursive: true, force: true }));

/** A copy of the stopped run, damaged by `damage`, in a fresh working directory. */
async function damagedRun(damage: (run: string, cwd: string) => Promise<void>): Promise<string> {
  const cwd = await tempDir();
  await cp(template, cwd, { recursive: true });
  await damage(join(cwd, 'run'), cwd);
  return cwd;
}

async function firstSection(run: string): Promise<string> {
  const [name] = (await readdir(join(run, 'sections'))).sort();
  return join(run, 'sections', name!);
}

const damages: Record<
  string,
  { damage: (run: string, cwd: string) => Promise<void>; message: RegExp }
> = {
  'a section replaced by a symbolic link to another file': {
    damage: async (run, cwd) => {
      const section = await firstSection(run);
      await rm(section);
      await symlink(join(cwd, 'secret.txt'), section);
    },
    message:
      /sections\/001-[^ ]+\.md is a symbolic link, which quire does not follow inside its own folders: replace it with the file itself\.$/,
  },
  'sections replaced by a link to a folder elsewhere': {
    damage: async (run, cwd) => {
      await cp(join(run, 'sections'), join(cwd, 'elsewhere'), { recursive: true });
      await rm(join(run, 'sections'), { recursive: true });
      await symlink(join(cwd, 'elsewhere'), join(run, 'sections'));
    },
    message: /run\/sections is a symbolic link, which quire does not follow inside a run/,
  },
  'sections that is a file': {
    damage: async (run) => {
      await rm(join(run, 'sections'), { recursive: true });
      await writeFile(join(run, 'sections'), 'x');
    },
    message: /run\/sections is not a folder: restore it/,
  },
  'a garbage line in journal.jsonl': {
    damage: async (run) => {
      await writeFile(
        join(run, 'journal.jsonl'),
        `${await readFile(join(run, 'journal.jsonl'), 'utf8')}{oops\n`,
      );
    },
    message:
      /run\/journal\.jsonl, line \d+, is not JSON \(.*\): quire writes one JSON object per line/,
  },
  'journal.jsonl that is a folder': {
    damage: async (run) => {
      await rm(join(run, 'journal.jsonl'));
      await mkdir(join(run, 'journal.jsonl'));
    },
    message: /run\/journal\.jsonl is a directory, not a file/,
  },
  'run.json replaced by a symbolic link': {
    damage: async (run, cwd) => {
      await rm(join(run, 'run.json'));
      await symlink(join(cwd, 'secret.txt'), join(run, 'run.json'));
    },
    message: /run\/run\.json is a symbolic link/,
  },
};

describe('resuming a damaged run: one line naming the file, exit 2, nothing changed', () => {
  it.each(Object.entries(damages))('%s', async (_name, { damage, message }) => {
    const cwd = await damagedRun(damage);
    const before = await snapshotTree(cwd);
    const result = await runMain({ argv: ['resume', 'run', '--model', 'sim'], cwd });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toContain(secret);
    expect(await snapshotTree(cwd)).toEqual(before);
  });

  it('quire eval and quire inspect refuse a followed link the same way, never showing its target', async () => {
    const cwd = await damagedRun(
      damages['a section replaced by a symbolic link to another file']!.damage,
    );
    for (const argv of [
      ['eval', 'run'],
      ['inspect', 'run'],
    ]) {
      const result = await runMain({ argv, cwd });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/is a symbolic link/);
      expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
    }
    expect(await readFile(join(cwd, 'run', 'document.md'), 'utf8')).not.toContain(secret);
  });
});

describe('control characters from a damaged file never reach the terminal raw', () => {
  it('escapes them in the error line', async () => {
    const cwd = await damagedRun(async (run) => {
      const path = join(run, 'journal.jsonl');
      await writeFile(
        path,
        `${await readFile(path, 'utf8')}\x1b]0;owned\x07\x1b[2J\u202e{oops\r\n`,
      );
    });
    for (const argv of [
      ['resume', 'run'],
      ['inspect', 'run'],
    ]) {
      const result = await runMain({ argv, cwd });
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      // Nothing below a space but the final newline, no DEL, no C1, no bidi override.
      expect(rawControls(result.stderr.trimEnd())).toEqual([]);
      expect(result.stderr).toContain('\\x1b]0;owned\\x07');
    }
  });
});

/** The control characters in `text`, as code points. */
function rawControls(text: string): number[] {
  return [...text]
    .map((character) => character.codePointAt(0) ?? 0)
    .filter((code) => code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x202e);
}

describe('an output that resolves to an input is refused', () => {
  it.each([['run/run.json'], ['run/document.md'], ['run/journal.jsonl']])(
    'quire eval run --report %s',
    async (report) => {
      const cwd = await damagedRun(async () => {});
      const before = await snapshotTree(cwd);
      const result = await runMain({ argv: ['eval', 'run', '--report', report], cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^quire: --report .* is the run's .*: quire never writes over what it reads/,
      );
      expect(await snapshotTree(cwd)).toEqual(before);
    },
  );
});
