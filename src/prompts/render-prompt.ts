/**
 * Prompt templates: every prompt quire sends lives in `prompts/<name>.md`, a Markdown file with
 * a front-matter header that declares its variables.
 *
 * ```markdown
 * ---
 * description: One line saying what the prompt is for.
 * variables:
 *   request: The writing request, as the user gave it.
 *   document: The text to judge.
 * ---
 * <!-- system -->
 * The system message (optional; omit this part and its marker for a user message only).
 * <!-- prompt -->
 * The user message. Insert a value with {{request}} or {{ document }}.
 * ```
 *
 * Rules, checked when a template is loaded and when it is rendered:
 * - the header has a `description:` line and a `variables:` block of indented
 *   `name: description` lines (names are letters and digits, starting with a letter);
 * - the text uses every declared variable and no other (`{{name}}` only; other braces are
 *   literal text);
 * - a caller passes exactly the declared variables, no fewer and no more;
 * - values are inserted once, as they are: a value containing `{{x}}` is not expanded again.
 *
 * The HTML-comment markers keep a template readable as plain Markdown.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PromptTemplateError } from '../errors/prompt-template-error.js';
import {
  type PromptTemplate,
  parsePromptTemplate,
  placeholderPattern,
} from './parse-prompt-template.js';

/** The `prompts/` folder shipped with quire (two levels up from both `src/` and `dist/`). */
export const defaultPromptsDirectory = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** A rendered prompt, ready for `callText` / `callObject`. */
export interface RenderedPrompt {
  system: string | undefined;
  prompt: string;
}

const templateName = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const cache = new Map<string, Promise<PromptTemplate>>();

/**
 * Renders `prompts/<name>.md` with `variables`. Throws `PromptTemplateError` when the template
 * does not exist or is malformed, or when a declared variable is missing or an undeclared one
 * is passed.
 */
export async function renderPrompt({
  name,
  variables,
  directory = defaultPromptsDirectory,
}: {
  /** The file name without `.md`, kebab-case, e.g. `judge-quality`. */
  name: string;
  variables: Record<string, string | number>;
  /** Where templates are read from; quire's own `prompts/` unless given. */
  directory?: string;
}): Promise<RenderedPrompt> {
  const template = await loadPromptTemplate({ name, directory });
  const declared = Object.keys(template.variables);
  const missing = declared.filter((variable) => !Object.hasOwn(variables, variable));
  const extra = Object.keys(variables).filter((variable) => !declared.includes(variable));
  if (missing.length > 0 || extra.length > 0) {
    const problem = missing.length > 0 ? 'missingVariable' : 'extraVariable';
    const parts = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      extra.length > 0 ? `not declared: ${extra.join(', ')}` : '',
    ].filter(Boolean);
    throw new PromptTemplateError({
      message: `Prompt template "${name}" takes ${declared.join(', ') || 'no variables'}; ${parts.join('; ')}.`,
      template: name,
      problem,
      variables: missing.length > 0 ? missing : extra,
    });
  }
  const fill = (text: string) =>
    text.replace(placeholderPattern, (_match, variable: string) => String(variables[variable]));
  return {
    system: template.system === undefined ? undefined : fill(template.system),
    prompt: fill(template.prompt),
  };
}

/** Reads and parses a template once per process; later calls reuse it. */
export function loadPromptTemplate({
  name,
  directory = defaultPromptsDirectory,
}: {
  name: string;
  directory?: string;
}): Promise<PromptTemplate> {
  if (!templateName.test(name)) {
    return Promise.reject(
      new PromptTemplateError({
        message: `"${name}" is not a prompt template name: use the kebab-case file name without .md, e.g. judge-quality.`,
        template: name,
        problem: 'notFound',
      }),
    );
  }
  const path = join(directory, `${name}.md`);
  let loaded = cache.get(path);
  if (loaded === undefined) {
    loaded = readTemplate({ name, path });
    cache.set(path, loaded);
    // A failed read is not remembered: the file may be fixed and read again.
    loaded.catch(() => cache.delete(path));
  }
  return loaded;
}

async function readTemplate({
  name,
  path,
}: {
  name: string;
  path: string;
}): Promise<PromptTemplate> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    throw new PromptTemplateError({
      message: `Prompt template "${name}" cannot be read from ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      template: name,
      problem: 'notFound',
      cause: error,
    });
  }
  return parsePromptTemplate({ name, source });
}
