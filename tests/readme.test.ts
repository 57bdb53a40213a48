import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createProgram } from '../src/cli/program.js';
import { ConfigSchema } from '../src/config/config-schema.js';

const readme = readFileSync('README.md', 'utf8');

/** The README text from a heading to the next heading of the same or higher level. */
function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const level = heading.split(' ')[0]!;
  const next = readme
    .slice(start + heading.length + 2)
    .search(new RegExp(`\\n#{1,${level.length}} `));
  return next < 0 ? readme.slice(start) : readme.slice(start, start + heading.length + 2 + next);
}

function leafCommands(
  command: Command,
  prefix: string[] = [],
): Array<{ path: string; command: Command }> {
  return command.commands.flatMap((child) => {
    const path = [...prefix, child.name()];
    return child.commands.length > 0
      ? leafCommands(child, path)
      : [{ path: path.join(' '), command: child }];
  });
}

/**
 * The flags of a section's flag table rows (flag, type, default, meaning) as `--help` spells
 * them; a row of several flags sharing one argument (`--a`, `--b` `<rate>`) gives each.
 */
function flagRows(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replaceAll('\\|', '\u0000').split('|'))
    .filter((cells) => cells.length >= 6 && /^ `-/.test(cells[1] ?? ''))
    .flatMap((cells) => {
      const cell = (cells[1] ?? '').trim().replaceAll('\u0000', '|');
      const single = /^`(-[^`]+)`$/.exec(cell);
      if (single) return [single[1] ?? ''];
      const argument = /`(<[^>]+>)`$/.exec(cell)?.[1];
      return [...cell.matchAll(/`(--[a-z-]+)`/g)].map((match) => `${match[1]} ${argument}`);
    });
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((child) => [child, ...allCommands(child)]);
}

function configKeys(schema: Record<string, unknown>, prefix = ''): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value.properties ? configKeys(value, path) : [path];
  });
}

describe('the README is the manual', () => {
  const program = createProgram({
    io: { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: '.' },
    abortSignal: new AbortController().signal,
  });

  it.each(leafCommands(program).map(({ path, command }) => [path, command] as const))(
    'documents every flag of quire %s under its own heading',
    (path, command) => {
      const text = section(`### quire ${path}`);
      for (const option of command.options) {
        // The model flags every model-calling command shares are documented once, above.
        if (['--model', '--base-url', '--context-tokens'].includes(option.long ?? '')) continue;
        expect(text, `${path} ${option.long}`).toContain(`\`${option.long}`);
      }
    },
  );

  it.each(leafCommands(program).map(({ path, command }) => [path, command] as const))(
    'documents only flags quire %s has, spelled as --help shows them',
    (path, command) => {
      const text = section(`### quire ${path}`);
      const real = new Set(command.options.map((option) => option.flags));
      const rows = flagRows(text);
      for (const flags of rows) expect(real, `${path}: ${flags}`).toContain(flags);
      for (const option of command.options) {
        if (['--model', '--base-url', '--context-tokens'].includes(option.long ?? '')) continue;
        if (rows.length > 0) expect(rows, `${path}: ${option.flags}`).toContain(option.flags);
      }
      // The synopsis line shows the arguments `--help` shows.
      const args = command.registeredArguments
        .map((argument) => {
          const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
          return argument.required ? `<${name}>` : `[${name}]`;
        })
        .join(' ');
      const synopsis = `\`quire ${path}${args ? ` ${args}` : ''}`;
      expect(text.includes(`${synopsis}\``) || text.includes(`${synopsis} -`), path).toBe(true);
    },
  );

  it('names only flags that exist anywhere in its text', () => {
    const known = new Set(
      [program, ...allCommands(program)].flatMap((command) =>
        command.options.flatMap((option) => [option.long, option.short]),
      ),
    );
    known.add('--help');
    const named = new Set(
      [...readme.matchAll(/`(?:quire [^`]*?)?(--[a-z][a-z-]*)/g)].map((match) => match[1]),
    );
    const unknown = [...named].filter((flag) => !known.has(flag));
    expect(unknown).toEqual([]);
  });

  it('documents every configuration key', () => {
    const text = section('## Configuration');
    for (const key of configKeys(
      z.toJSONSchema(ConfigSchema, { io: 'input' }) as Record<string, unknown>,
    )) {
      expect(text, key).toContain(`\`${key}\``);
    }
  });

  it('keeps its sections in the fixed order', () => {
    const headings = readme.match(/^## .+$/gm) ?? [];
    expect(headings).toEqual([
      '## Install',
      '## Quick start',
      '## CLI',
      '## Configuration',
      '## Library API',
      '## Evals',
      '## Run directory layout',
      '## FAQ',
      '## Development',
    ]);
  });

  it('gives the two set-up commands', () => {
    expect(readme).toMatch(/npm install && npx quire write "[^"]+" --model sim/);
    expect(readme).toMatch(/^npm test$/m);
  });
});
