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
    ]);
  });

  it('gives the two set-up commands', () => {
    expect(readme).toMatch(/npm install && npx quire write "[^"]+" --model sim/);
    expect(readme).toMatch(/^npm test$/m);
  });
});
