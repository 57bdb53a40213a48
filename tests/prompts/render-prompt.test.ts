import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromptTemplateError } from '../../src/errors/prompt-template-error.js';
import { parsePromptTemplate } from '../../src/prompts/parse-prompt-template.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import { useTempDir } from '../helpers/temp-dir.js';

const template = `---
description: Greets someone.
variables:
  name: Who to greet.
  place: Where they are.
---
<!-- system -->
You greet people in {{ place }}.

<!-- prompt -->
Say hello to {{name}} in {{place}}. Braces like {this} or {{ 1 }} stay as they are.
`;

async function catchError(promise: Promise<unknown>): Promise<PromptTemplateError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PromptTemplateError) return error;
    throw error;
  }
  throw new Error('expected a PromptTemplateError');
}

describe('renderPrompt', () => {
  const makeDirectory = useTempDir();
  const withTemplates = async (files: Record<string, string>) => {
    const directory = await makeDirectory();
    await mkdir(directory, { recursive: true });
    await Promise.all(
      Object.entries(files).map(([name, text]) => writeFile(join(directory, `${name}.md`), text)),
    );
    return directory;
  };

  it('fills the system and prompt parts', async () => {
    const directory = await withTemplates({ greet: template });
    const rendered = await renderPrompt({
      name: 'greet',
      variables: { name: 'Ada', place: 'Lisbon' },
      directory,
    });
    expect(rendered).toEqual({
      system: 'You greet people in Lisbon.',
      prompt: 'Say hello to Ada in Lisbon. Braces like {this} or {{ 1 }} stay as they are.',
    });
  });

  it('inserts values once, without expanding placeholders inside them', async () => {
    const directory = await withTemplates({ greet: template });
    const rendered = await renderPrompt({
      name: 'greet',
      variables: { name: '{{place}}', place: 7 },
      directory,
    });
    expect(rendered.prompt).toBe(
      'Say hello to {{place}} in 7. Braces like {this} or {{ 1 }} stay as they are.',
    );
  });

  it('makes the whole text the prompt when there are no role markers', async () => {
    const directory = await withTemplates({
      plain:
        '---\ndescription: Plain.\nvariables:\n  topic: The topic.\n---\nWrite about {{topic}}.\n',
    });
    expect(await renderPrompt({ name: 'plain', variables: { topic: 'tides' }, directory })).toEqual(
      { system: undefined, prompt: 'Write about tides.' },
    );
  });

  it.each([
    ['missingVariable', { name: 'Ada' }, 'missing place'],
    ['extraVariable', { name: 'Ada', place: 'Rome', mood: 'glad' }, 'not declared: mood'],
  ])('refuses a call with a %s', async (problem, variables, text) => {
    const directory = await withTemplates({ greet: template });
    const error = await catchError(renderPrompt({ name: 'greet', variables, directory }));
    expect(error).toMatchObject({ problem, template: 'greet' });
    expect(error.message).toContain(text);
  });

  it.each([
    [
      'undeclaredVariable',
      '---\ndescription: D.\nvariables:\n  a: A.\n---\n{{a}} and {{b}}',
      ['b'],
    ],
    [
      'unusedVariable',
      '---\ndescription: D.\nvariables:\n  a: A.\n  b: B.\n---\nOnly {{a}}.',
      ['b'],
    ],
  ])('refuses a template with an %s', (problem, source, variables) => {
    expect(() => parsePromptTemplate({ name: 't', source })).toThrow(PromptTemplateError);
    try {
      parsePromptTemplate({ name: 't', source });
    } catch (error) {
      expect(error).toMatchObject({ problem, variables });
    }
  });

  it.each([
    ['no front matter', 'Hello {{x}}', 1],
    ['an unclosed front matter', '---\ndescription: D.\n', undefined],
    ['no description', '---\nvariables:\n  x: X.\n---\n{{x}}', undefined],
    ['an unknown header key', '---\ndescription: D.\nauthor: me\n---\ntext', 3],
    ['a variable without a description', '---\ndescription: D.\nvariables:\n  x:\n---\n{{x}}', 4],
    [
      'a variable declared twice',
      '---\ndescription: D.\nvariables:\n  x: X.\n  x: Again.\n---\n{{x}}',
      5,
    ],
    [
      'a system part without a prompt part',
      '---\ndescription: D.\n---\n<!-- system -->\nBe brief.',
      undefined,
    ],
  ])('refuses a header with %s, naming the line', (_name, source, line) => {
    try {
      parsePromptTemplate({ name: 't', source });
      expect.unreachable('the template should be refused');
    } catch (error) {
      expect(error).toMatchObject({ problem: 'badHeader', line });
    }
  });

  it('refuses an unknown or unsafe template name', async () => {
    const directory = await withTemplates({});
    expect(
      await catchError(renderPrompt({ name: 'absent', variables: {}, directory })),
    ).toMatchObject({ problem: 'notFound' });
    expect(
      await catchError(renderPrompt({ name: '../secrets', variables: {}, directory })),
    ).toMatchObject({ problem: 'notFound' });
  });

  it('reads quire’s own prompts folder by default', async () => {
    const rendered = await renderPrompt({
      name: 'judge-constraint',
      variables: { unit: 'Week', segment: 3, event: 'a fair', text: 'We went to the fair.' },
    });
    expect(rendered.system).toBeDefined();
    expect(rendered.prompt).toContain('Week 3');
  });
});
