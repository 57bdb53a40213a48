import type pc from 'picocolors';

/** picocolors' colour functions, possibly disabled. */
type Colors = ReturnType<typeof pc.createColors>;

import { formatCount } from '../util/format-count.js';
import type { Report } from './report-schema.js';

/** One row of the summary table: what, value, note. */
export type SummaryRow = [label: string, value: string, note: string];

/** The rows of the summary table for a report, values coloured by how good they are. Pure. */
export function summaryRows({ report, paint }: { report: Report; paint: Colors }): SummaryRow[] {
  const score = (value: number | null) => {
    if (value === null) return '—';
    const text = value.toFixed(1);
    return value >= 80 ? paint.green(text) : value >= 50 ? paint.yellow(text) : paint.red(text);
  };
  const { length, quality, repetition: rep, constraints } = report;
  const rows: SummaryRow[] = [
    [
      'words',
      formatCount(report.words),
      length.required === null ? '' : `required ${formatCount(length.required)}`,
    ],
    [
      'length S_l',
      score(report.scores.length),
      length.required === null ? 'no required length: pass --words N' : `bucket ${length.bucket}`,
    ],
    [
      'length gate',
      length.gate === null
        ? '—'
        : length.gate.status === 'within'
          ? paint.green('within')
          : paint.yellow(length.gate.status === 'short' ? 'too short' : 'too long'),
      length.gate === null
        ? 'no required length'
        : `${formatCount(length.gate.floorWords)}–${formatCount(length.gate.ceilingWords)} words (${length.gate.floor}× to ${length.gate.ceiling}×)`,
    ],
    [
      'quality S_q',
      score(report.scores.quality),
      quality === null
        ? 'no judge: pass --judge <model>'
        : quality.status === 'dropped'
          ? 'judgement dropped'
          : `judge ${quality.judge}`,
    ],
    [
      'overall S',
      score(report.scores.overall),
      report.scores.overall === null ? 'needs S_l and S_q' : '(S_l + S_q) / 2',
    ],
  ];
  if (length.sectionsWithinTolerance !== null) {
    rows.push([
      'sections on budget',
      `${length.sectionsWithinTolerance} of ${length.sections.length}`,
      `within ±${Math.round(length.tolerance * 100)}% of their word budgets`,
    ]);
  }
  rows.push(
    [
      'distinct-1 / distinct-2',
      `${rep.distinct1.toFixed(2)} / ${rep.distinct2.toFixed(2)}`,
      `lowest window ${rep.windows.minDistinct1.toFixed(2)} / ${rep.windows.minDistinct2.toFixed(2)}`,
    ],
    [
      'rep-4',
      rep.rep4.toFixed(3),
      `highest window ${rep.windows.maxRep4.toFixed(3)} (${rep.windows.size} tokens)`,
    ],
    ['compression (Brotli)', `${rep.compressionRatio.toFixed(2)}:1`, ''],
    [
      'repeated stretch',
      rep.repeatedStretch.tokens === 0
        ? 'none'
        : `${formatCount(rep.repeatedStretch.tokens)} tokens`,
      rep.repeatedStretch.location
        ? `from line ${rep.repeatedStretch.location.line}, ${Math.round(rep.repeatedStretch.share * 100)}% in 4-grams seen before`
        : 'no window of text that only repeats earlier text',
    ],
    [
      'longest symbol run',
      `${rep.symbolRun.symbols}`,
      rep.symbolRun.location && rep.symbolRun.symbols > 0
        ? `${clip(rep.symbolRun.distinct.join(' '))} from line ${rep.symbolRun.location.line}`
        : '',
    ],
    [
      'longest loop',
      rep.longestLoop.repeats >= 2 ? `${Math.floor(rep.longestLoop.repeats)}×` : 'none',
      rep.longestLoop.repeats >= 2
        ? `"${clip(rep.longestLoop.pattern)}" from line ${rep.longestLoop.location.line}`
        : `no pattern of up to 40 tokens repeats back to back`,
    ],
    [
      'near-duplicate paragraphs',
      `${rep.nearDuplicates.pairs}`,
      rep.nearDuplicates.worst[0]
        ? `worst ${Math.round(rep.nearDuplicates.worst[0].jaccard * 100)}%: lines ${rep.nearDuplicates.worst[0].first.line} and ${rep.nearDuplicates.worst[0].second.line}`
        : `of ${rep.nearDuplicates.paragraphs} paragraphs`,
    ],
    [
      'late collapse',
      rep.lateCollapse.status === 'collapse'
        ? paint.red('yes')
        : rep.lateCollapse.status === 'none'
          ? 'none'
          : '—',
      rep.lateCollapse.status === 'collapse'
        ? `from line ${rep.lateCollapse.location?.line} (${Math.round((rep.lateCollapse.position ?? 0) * 100)}% in)`
        : rep.lateCollapse.status === 'tooShort'
          ? 'text too short to tell'
          : '',
    ],
    degradationRow(report.degradation, paint),
    [
      'slop (per 1,000 words)',
      report.slop.ratePer1000.toFixed(2),
      report.slop.phrases.length === 0
        ? 'no listed phrase'
        : clip(report.slop.phrases.map(({ phrase, count }) => `${phrase} ×${count}`).join(', ')),
    ],
  );
  if (constraints !== null) {
    const ratio = (value: number | null) => (value === null ? '—' : value.toFixed(2));
    rows.push(
      [
        'CR / STIC-1 / STIC-2 / wAvg',
        [constraints.cr, constraints.stic1, constraints.stic2, constraints.wAvg]
          .map(ratio)
          .join(' / '),
        `${constraints.checks.satisfied} of ${constraints.checks.total} checks, ${constraints.segments.found} of ${constraints.segments.required} segments${constraints.headers === 'lenient' ? " (lenient headers: not SGT's rule)" : ''}`,
      ],
      [
        'undecided checks',
        `${constraints.checks.undecided}`,
        constraints.checks.undecided === 0
          ? constraints.checks.judged > 0
            ? `${constraints.checks.judged} settled by the judge`
            : 'every check settled by its wording'
          : 'inconclusive by wording and not judged: counted as unsatisfied (pass --judge)',
      ],
      [
        'leakage',
        ratio(constraints.leakage.rate),
        `${constraints.leakage.leaked} of ${constraints.leakage.pairs} unasked (event, segment) pairs`,
      ],
    );
    if (constraints.minWords.required !== null) {
      rows.push([
        `segments under ${constraints.minWords.required} words`,
        `${constraints.minWords.below.length}`,
        '',
      ]);
    }
  }
  if (report.judge.model !== null) {
    rows.push([
      'judge',
      report.judge.model,
      `${report.judge.calls} call(s), ${report.judge.dropped} dropped`,
    ]);
  }
  return rows;
}

function degradationRow(degradation: Report['degradation'], paint: Colors): SummaryRow {
  if (degradation === null) return ['second half vs first', '—', 'fewer than two parts'];
  const { distinct2 } = degradation.trends;
  return [
    'second half vs first',
    degradation.degraded.length === 0 ? 'holds' : paint.yellow('worse'),
    `${degradation.parts.length} ${degradation.source}; distinct-2 ${distinct2.firstHalf?.toFixed(2) ?? '—'} → ${distinct2.secondHalf?.toFixed(2) ?? '—'}${degradation.degraded.length > 0 ? `; worse: ${degradation.degraded.join(', ')}` : ''}`,
  ];
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
