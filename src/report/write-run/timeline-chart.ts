import type { TopLevelSpec } from 'vega-lite';
import type { TimelineAttempt, TimelineRetry } from './step-timeline.js';

const actionScale = {
  domain: ['write', 'expand', 'condense', 'rewrite'],
  range: ['#4e79a7', '#3a9e94', '#e8871e', '#9467bd'],
};

/**
 * Every attempt on a time line, one row per section: first drafts and repairs (expand,
 * condense, rewrite) in their own colours, each bar as long as the attempt took; retried calls
 * are red rules at their time. Pure.
 */
export function timelineChart({
  attempts,
  retries,
}: {
  attempts: readonly TimelineAttempt[];
  retries: readonly TimelineRetry[];
}): TopLevelSpec {
  const sections = [...new Set(attempts.map((attempt) => attempt.sectionId))];
  return {
    description: 'Each attempt at each section over time, with retried calls marked.',
    width: 720,
    height: Math.max(80, sections.length * 14),
    layer: [
      {
        name: 'attempts',
        data: { values: attempts.map((attempt) => ({ ...attempt, section: attempt.sectionId })) },
        mark: { type: 'bar', height: { band: 0.7 }, minBandSize: 2 },
        encoding: {
          x: { field: 'start', type: 'quantitative', title: 'seconds from the start' },
          x2: { field: 'end' },
          y: { field: 'section', type: 'nominal', sort: sections, title: 'section' },
          color: { field: 'action', type: 'nominal', scale: actionScale, title: 'attempt' },
          tooltip: [
            { field: 'section' },
            { field: 'attempt', type: 'quantitative' },
            { field: 'action' },
            { field: 'seconds', type: 'quantitative' },
            { field: 'words', type: 'quantitative' },
            { field: 'outputTokens', type: 'quantitative', title: 'output tokens' },
          ],
        },
      },
      {
        name: 'retries',
        data: { values: retries.map((retry) => ({ ...retry })) },
        mark: { type: 'rule', color: '#d6453d', strokeDash: [3, 2] },
        encoding: {
          x: { field: 'at', type: 'quantitative' },
          tooltip: [{ field: 'at', title: 'retry at' }, { field: 'error' }],
        },
      },
    ],
  } as TopLevelSpec;
}
