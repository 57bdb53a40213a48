import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePromptTemplate, usedVariables } from '../../src/prompts/parse-prompt-template.js';
import { defaultPromptsDirectory } from '../../src/prompts/render-prompt.js';

const names = readdirSync(defaultPromptsDirectory)
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.slice(0, -3));

describe('the prompt templates in prompts/', () => {
  it('include the judge prompts', () => {
    expect(names).toEqual(expect.arrayContaining(['judge-quality', 'judge-constraint']));
  });

  it.each(names)('%s declares exactly the variables its text uses', (name) => {
    const source = readFileSync(join(defaultPromptsDirectory, `${name}.md`), 'utf8');
    const template = parsePromptTemplate({ name, source });
    const text = `${template.system ?? ''}\n${template.prompt}`;
    expect(usedVariables(text).sort()).toEqual(Object.keys(template.variables).sort());
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
