import { QuireError } from './quire-error.js';

/**
 * What is wrong with a prompt template or the values given to it.
 * - `notFound`: no template of that name in the prompts folder.
 * - `badHeader`: the front matter is missing or malformed.
 * - `undeclaredVariable`: the text uses a `{{name}}` the header does not declare.
 * - `unusedVariable`: the header declares a variable the text never uses.
 * - `missingVariable`: the caller did not pass a declared variable.
 * - `extraVariable`: the caller passed a variable the template does not declare.
 */
export type PromptTemplateProblem =
  | 'notFound'
  | 'badHeader'
  | 'undeclaredVariable'
  | 'unusedVariable'
  | 'missingVariable'
  | 'extraVariable';

/** A prompt template that cannot be rendered. A bug in quire or in a user's template folder. */
export class PromptTemplateError extends QuireError {
  readonly code = 'prompt-template';
  readonly category = 'failure';
  /** The template's name, e.g. `judge-quality`. */
  readonly template: string;
  readonly problem: PromptTemplateProblem;
  /** The variables concerned, when the problem is about variables. */
  readonly variables: string[];
  /** 1-based line in the template file, when known. */
  readonly line: number | undefined;

  constructor({
    message,
    template,
    problem,
    variables = [],
    line,
    cause,
  }: {
    message: string;
    template: string;
    problem: PromptTemplateProblem;
    variables?: string[];
    line?: number;
    cause?: unknown;
  }) {
    super(message, { cause });
    this.template = template;
    this.problem = problem;
    this.variables = variables;
    this.line = line;
  }
}
