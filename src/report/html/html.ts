/** Markup that is already safe to place in a page: escaped, or built by `html`. */
export class SafeHtml {
  readonly value: string;

  constructor(value: string) {
    this.value = value;
  }

  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML content or a quoted attribute. Pure. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

/** Marks a string as markup that needs no escaping (rendered Markdown, a chart's SVG). */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}

/**
 * A tagged template that escapes every interpolated value unless it is `SafeHtml`, so text from
 * a run (titles, prompts, model output) can never become markup. Arrays are joined; `null`,
 * `undefined` and `false` render as nothing. Pure.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    result += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(result);
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}
