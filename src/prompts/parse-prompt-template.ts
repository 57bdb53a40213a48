import { PromptTemplateError } from '../errors/prompt-template-error.js';

/** A prompt template, parsed and checked: its header and its text split by role. */
export interface PromptTemplate {
  name: string;
  /** One line saying what the prompt is for. */
  description: string;
  /** Declared variables with their one-line descriptions, in declaration order. */
  variables: Record<string, string>;
  /** The system part, or undefined when the template has none. */
  system: string | undefined;
  /** The user part. */
  prompt: string;
}

/** `{{name}}`, spaces inside the braces allowed. Anything else with braces is literal text. */
export const placeholderPattern = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const variableName = /^[A-Za-z][A-Za-z0-9]*$/;
const systemMarker = '<!-- system -->';
const promptMarker = '<!-- prompt -->';

/**
 * Parses the text of a template (format: see `render-prompt.ts`) and checks that the header
 * declares exactly the variables the text uses. Pure; throws `PromptTemplateError`.
 */
export function parsePromptTemplate({
  name,
  source,
}: {
  name: string;
  source: string;
}): PromptTemplate {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const fail = (message: string, line?: number) =>
    new PromptTemplateError({
      message: `Prompt template "${name}": ${message}`,
      template: name,
      problem: 'badHeader',
      line,
    });
  if (lines[0]?.trim() !== '---') throw fail('must start with a "---" front-matter line.', 1);
  const end = lines.indexOf('---', 1);
  if (end < 0) throw fail('the front matter has no closing "---" line.');

  let description = '';
  const variables: Record<string, string> = {};
  let inVariables = false;
  for (let index = 1; index < end; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    const indented = /^\s+/.test(line);
    const [key = '', ...rest] = line.trim().split(':');
    const value = rest.join(':').trim();
    if (indented && inVariables) {
      if (!variableName.test(key))
        throw fail(`"${key}" is not a variable name (letters and digits).`, index + 1);
      if (key in variables) throw fail(`variable "${key}" is declared twice.`, index + 1);
      if (value === '')
        throw fail(`variable "${key}" needs a description after the colon.`, index + 1);
      variables[key] = value;
    } else if (!indented && key === 'description' && value !== '') {
      description = value;
      inVariables = false;
    } else if (!indented && key === 'variables' && value === '') {
      inVariables = true;
    } else {
      throw fail(
        `cannot read header line "${line.trim()}"; expected "description: …" or "variables:" followed by indented "name: description" lines.`,
        index + 1,
      );
    }
  }
  if (description === '') throw fail('the front matter needs a "description: …" line.');

  const { system, prompt } = splitRoles({ body: lines.slice(end + 1).join('\n'), fail });
  checkVariables({ name, declared: Object.keys(variables), text: `${system ?? ''}\n${prompt}` });
  return { name, description, variables, system, prompt };
}

/** The variable names a text uses, in order of first use. */
export function usedVariables(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(placeholderPattern), (match) => match[1] ?? ''))];
}

function splitRoles({
  body,
  fail,
}: {
  body: string;
  fail: (message: string) => PromptTemplateError;
}): {
  system: string | undefined;
  prompt: string;
} {
  const lines = body.split('\n');
  const systemAt = lines.findIndex((line) => line.trim() === systemMarker);
  const promptAt = lines.findIndex((line) => line.trim() === promptMarker);
  if (systemAt >= 0 && promptAt < systemAt) {
    throw fail(`a "${systemMarker}" part must be followed by a "${promptMarker}" line.`);
  }
  const prompt = (promptAt >= 0 ? lines.slice(promptAt + 1) : lines).join('\n').trim();
  if (prompt === '') throw fail('the prompt text is empty.');
  const system =
    systemAt >= 0
      ? lines
          .slice(systemAt + 1, promptAt)
          .join('\n')
          .trim()
      : undefined;
  return { system: system === '' ? undefined : system, prompt };
}

function checkVariables({
  name,
  declared,
  text,
}: {
  name: string;
  declared: string[];
  text: string;
}): void {
  const used = usedVariables(text);
  const undeclared = used.filter((variable) => !declared.includes(variable));
  if (undeclared.length > 0) {
    throw new PromptTemplateError({
      message: `Prompt template "${name}" uses ${list(undeclared)} but does not declare ${undeclared.length > 1 ? 'them' : 'it'} under "variables:".`,
      template: name,
      problem: 'undeclaredVariable',
      variables: undeclared,
    });
  }
  const unused = declared.filter((variable) => !used.includes(variable));
  if (unused.length > 0) {
    throw new PromptTemplateError({
      message: `Prompt template "${name}" declares ${list(unused)} but never uses ${unused.length > 1 ? 'them' : 'it'}; remove the declaration or use {{${unused[0]}}}.`,
      template: name,
      problem: 'unusedVariable',
      variables: unused,
    });
  }
}

function list(names: string[]): string {
  return names.map((variable) => `{{${variable}}}`).join(', ');
}
