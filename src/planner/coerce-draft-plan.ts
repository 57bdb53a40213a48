import type { DraftPlan } from './draft-plan-schema.js';
import { findWordBudget } from './find-word-budget.js';
import { titleFromPoint } from './title-from-point.js';

/** Names models give the list of sections, and each section's fields, besides quire's own. */
const aliases = {
  sections: ['sections', 'paragraphs', 'outline', 'parts', 'chapters', 'plan', 'items', 'subtasks'],
  title: ['title', 'heading', 'name', 'section_title', 'sectionTitle', 'section'],
  brief: [
    'brief',
    'main_point',
    'mainPoint',
    'main point',
    'description',
    'summary',
    'content',
    'points',
    'focus',
  ],
  words: ['words', 'word_count', 'wordCount', 'word count', 'length', 'budget', 'target_words'],
} as const;

/**
 * Reads a JSON value a model gave as a plan into the draft plan shape, accepting what models
 * write when no schema holds them to quire's: other names for the fields (`paragraphs`,
 * `main_point`, `word_count`), a bare array of sections, sections as plain strings, budgets as
 * text ("500 words"). A missing budget becomes NaN, which normalisation replaces by the average.
 * Undefined when the value holds no list of sections, or only one of things that are not. Pure.
 */
export function coerceDraftPlan(value: unknown): DraftPlan | undefined {
  const root: Record<string, unknown> = Array.isArray(value)
    ? { sections: value }
    : asRecord(value);
  const list = pick(root, aliases.sections) ?? onlyArrayOfObjects(root);
  // An empty list is still a plan, one normalisation will refuse with a reason.
  if (!Array.isArray(list)) return undefined;
  const sections = list.map((item) => {
    const record = typeof item === 'string' ? { brief: item } : asRecord(item);
    const brief = text(pick(record, aliases.brief));
    const words = budget(pick(record, aliases.words)) ?? findWordBudget(brief)?.words ?? Number.NaN;
    return { title: text(pick(record, aliases.title)) || titleFromPoint(brief), brief, words };
  });
  if (list.length > 0 && sections.every((section) => !section.title && !section.brief)) {
    return undefined;
  }
  const facts = Array.isArray(root.facts)
    ? root.facts.filter((fact): fact is string => typeof fact === 'string')
    : [];
  return {
    title: text(root.title),
    sections,
    placements: placements(root.placements),
    ...(facts.length > 0 ? { facts } : {}),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function pick(record: Record<string, unknown>, names: readonly string[]): unknown {
  const name = names.find((each) => record[each] !== undefined && record[each] !== null);
  return name === undefined ? undefined : record[name];
}

function onlyArrayOfObjects(record: Record<string, unknown>): unknown[] | undefined {
  const lists = Object.values(record).filter(
    (value): value is unknown[] =>
      Array.isArray(value) && value.length > 0 && value.every((item) => asRecord(item) === item),
  );
  return lists.length === 1 ? lists[0] : undefined;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(' ');
  return typeof value === 'number' ? String(value) : '';
}

function budget(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? (findWordBudget(value)?.words ?? numberIn(value)) : undefined;
}

function numberIn(value: string): number | undefined {
  const match = /\d[\d,]*/.exec(value);
  return match ? Number(match[0].replaceAll(',', '')) : undefined;
}

function placements(value: unknown): DraftPlan['placements'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const record = asRecord(item);
    const sections = Array.isArray(record.sections)
      ? record.sections.filter((each): each is number => typeof each === 'number')
      : [];
    return typeof record.requirement === 'string'
      ? [{ requirement: record.requirement, sections }]
      : [];
  });
}
