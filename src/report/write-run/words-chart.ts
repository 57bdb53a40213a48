import type { TopLevelSpec } from 'vega-lite';
import type { SectionRow } from './section-rows.js';

/** Colours of a section's bar by where its words fall against the length gate. */
const gateScale = {
  domain: ['within', 'short', 'long', 'pending'],
  range: ['#4e79a7', '#e8871e', '#d6453d', '#8a8a8a'],
};

/**
 * Words against budget, one bar per planned section, coloured by the length gate; the gate
 * (floor × budget to ceiling × budget) is the shaded band behind each bar and the budget a
 * tick across it. Bars link to their section in the document. Pure.
 */
export function wordsChart({
  rows,
  hrefOf,
}: {
  rows: readonly SectionRow[];
  hrefOf: (row: SectionRow) => string | undefined;
}): TopLevelSpec {
  const values = rows.map((row) => ({
    section: row.id,
    title: row.title,
    words: row.words ?? 0,
    budget: row.budget,
    floor: row.floorWords,
    ceiling: row.ceilingWords,
    gate: row.gate ?? 'pending',
    href: hrefOf(row) ?? '',
  }));
  const x = {
    field: 'section',
    type: 'nominal',
    sort: null,
    title: 'section',
    axis: { labelAngle: -45 },
  } as const;
  return {
    description: 'Words written against the word budget of each planned section.',
    width: Math.min(900, Math.max(480, rows.length * 56)),
    height: 220,
    data: { values },
    layer: [
      {
        name: 'gate',
        mark: { type: 'bar', opacity: 0.18, color: 'currentColor' },
        encoding: {
          x,
          y: { field: 'floor', type: 'quantitative', title: 'words' },
          y2: { field: 'ceiling' },
          tooltip: [
            { field: 'section' },
            { field: 'floor', type: 'quantitative', title: 'gate floor' },
            { field: 'ceiling', type: 'quantitative', title: 'gate ceiling' },
          ],
        },
      },
      {
        name: 'words',
        mark: { type: 'bar', width: { band: 0.5 } },
        encoding: {
          x,
          y: { field: 'words', type: 'quantitative', title: 'words' },
          color: { field: 'gate', type: 'nominal', scale: gateScale, title: 'length gate' },
          href: { field: 'href' },
          tooltip: [
            { field: 'section' },
            { field: 'title' },
            { field: 'words', type: 'quantitative' },
            { field: 'budget', type: 'quantitative' },
            { field: 'gate' },
          ],
        },
      },
      {
        name: 'budget',
        mark: { type: 'tick', color: 'currentColor', thickness: 2 },
        encoding: {
          x,
          y: { field: 'budget', type: 'quantitative' },
          tooltip: [{ field: 'section' }, { field: 'budget', type: 'quantitative' }],
        },
      },
    ],
  } as TopLevelSpec;
}
