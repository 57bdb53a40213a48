import type { TopLevelSpec } from 'vega-lite';

/** One mark of the strip: something at a position of the document. */
export interface StripMark {
  /** 0–100: where it is, as a share of the document's characters. */
  position: number;
  lane: StripLane;
  label: string;
  href: string;
}

/** The rows of the strip, top to bottom. */
export const stripLanes = [
  'section start',
  'repetition',
  'constraint hit',
  'constraint miss',
  'constraint undecided',
  'meta-text',
  'length',
  'other',
] as const;

/** A row of the strip. */
export type StripLane = (typeof stripLanes)[number];

const laneColors: Record<StripLane, string> = {
  'section start': '#8a8a8a',
  repetition: '#9467bd',
  'constraint hit': '#3a9e94',
  'constraint miss': '#d6453d',
  'constraint undecided': '#e8871e',
  'meta-text': '#d36fa8',
  length: '#4e79a7',
  other: '#8c8c1f',
};

/**
 * A strip along the document: section starts, repetition findings, constraint hits and misses
 * and meta-text findings at their positions, one row each. Every mark links to its passage in
 * the rendered document. Only rows that have marks are drawn. Pure.
 */
export function findingsStripChart({ marks }: { marks: readonly StripMark[] }): TopLevelSpec {
  const lanes = stripLanes.filter((lane) => marks.some((mark) => mark.lane === lane));
  return {
    description: 'Findings and constraint checks at their positions along the document.',
    width: 720,
    height: Math.max(60, lanes.length * 24),
    data: { values: marks.map((mark) => ({ ...mark, position: round(mark.position) })) },
    mark: { type: 'tick', thickness: 3, size: 16 },
    encoding: {
      x: {
        field: 'position',
        type: 'quantitative',
        scale: { domain: [0, 100] },
        title: 'position in the document (%)',
      },
      y: { field: 'lane', type: 'nominal', sort: lanes, title: null },
      color: {
        field: 'lane',
        type: 'nominal',
        scale: { domain: lanes, range: lanes.map((lane) => laneColors[lane]) },
        legend: null,
      },
      href: { field: 'href' },
      tooltip: [{ field: 'lane' }, { field: 'label' }, { field: 'position' }],
    },
  } as TopLevelSpec;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
