import { isSchemaObject, resolveSchema } from './resolve-schema.js';
import type { JsonSchema } from './sim-request.js';

/** The text forms of a plan: AgentWrite lines, the titled lines quire spells out, outlines. */
export type PlanTextForm = 'lines' | 'titled-lines' | 'headings' | 'list';

/** A schema for the plans the simulated model writes when asked for one in lines. */
export const linePlanSchema: JsonSchema = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    sections: {
      type: 'array',
      minItems: 3,
      maxItems: 8,
      items: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          brief: { type: 'string' },
          words: { type: 'integer' },
        },
        required: ['title', 'brief', 'words'],
      },
    },
  },
  required: ['title', 'sections'],
};

/**
 * The property of a JSON schema that makes it a plan: an array of objects carrying a word
 * count (a number property whose name says "word"). Undefined for any other schema, which the
 * plan-format habit leaves alone. Pure.
 */
export function planListName(schema: JsonSchema | undefined): string | undefined {
  if (schema === undefined) return undefined;
  const root = resolveSchema({ schema, root: schema });
  const properties = isSchemaObject(root.properties) ? root.properties : {};
  return Object.keys(properties).find((name) => {
    const list = resolveSchema({ schema: properties[name] as JsonSchema, root: schema });
    const items = isSchemaObject(list.items)
      ? resolveSchema({ schema: list.items, root: schema })
      : {};
    const fields = isSchemaObject(items.properties) ? items.properties : {};
    return list.type === 'array' && Object.keys(fields).some((field) => /word/i.test(field));
  });
}

/**
 * Writes a plan value (as made for its schema) in a text form, as a model without JSON mode
 * does: the same sections, titles, briefs and budgets, so a reader of that form gets the plan
 * the JSON would have given. Pure.
 */
export function writePlanAsText({
  value,
  list,
  form,
}: {
  value: unknown;
  /** The property holding the sections. */
  list: string;
  form: PlanTextForm;
}): string {
  const record = isSchemaObject(value) ? value : {};
  const title = typeof record.title === 'string' ? record.title : 'Plan';
  const items = (Array.isArray(record[list]) ? record[list] : []).map(readItem);
  const lines = items.map((item, index) => {
    const number = index + 1;
    if (form === 'lines') {
      return `Paragraph ${number} - Main Point: ${item.brief} - Word Count: ${item.words} words`;
    }
    if (form === 'titled-lines') {
      return `Section ${number} - Title: ${item.title} - Main Point: ${item.brief} - Word Count: ${item.words} words`;
    }
    if (form === 'headings') return `## ${item.title} (${item.words} words)\n\n${item.brief}`;
    return `${number}. **${item.title}** (${item.words} words): ${item.brief}`;
  });
  if (form === 'lines') return lines.join('\n\n');
  if (form === 'titled-lines') return [`Title: ${title}`, ...lines].join('\n');
  if (form === 'headings') return [`# ${title}`, ...lines].join('\n\n');
  return [title, '', ...lines].join('\n');
}

function readItem(item: unknown): { title: string; brief: string; words: number } {
  const record = isSchemaObject(item) ? item : {};
  const strings = Object.values(record).filter((each): each is string => typeof each === 'string');
  const count = Object.entries(record).find(
    ([name, each]) => /word/i.test(name) && typeof each === 'number',
  );
  const title = typeof record.title === 'string' ? record.title : (strings[0] ?? 'Part');
  const brief = typeof record.brief === 'string' ? record.brief : (strings[1] ?? title);
  // A model writes a budget as a whole number, whatever the schema allowed.
  return { title, brief, words: Math.round((count?.[1] as number | undefined) ?? 500) };
}
