import type { ScatterPoint } from '../bench/length-scatter-chart.js';
import type { SftFiles } from './read-sft-files.js';

/** How many answers were rejected for one reason (an answer may have several). */
export interface RejectionCount {
  reason: string;
  answers: number;
}

/** Answers finished by a point in time. */
export interface ThroughputPoint {
  /** Minutes from the first answer's start. */
  minutes: number;
  status: 'accepted' | 'rejected';
  /** Answers of this status finished by then. */
  done: number;
}

/** One answer's length as a share of its target. */
export interface LengthRatio {
  id: string;
  status: 'accepted' | 'rejected';
  ratio: number;
}

/** The data of an SFT page. */
export interface SftPageData {
  accepted: number;
  rejected: number;
  points: ScatterPoint[];
  ratios: LengthRatio[];
  reasons: RejectionCount[];
  throughput: ThroughputPoint[];
  words: number;
  /** Accepted answers per hour over the whole batch; null with fewer than two answers. */
  perHour: number | null;
}

/**
 * The length of every answer against its target (accepted and rejected), the rejection reasons,
 * and the answers finished over time (each at its `createdAt`, from the first one's start).
 * Pure.
 */
export function sftPageData({ files }: { files: SftFiles }): SftPageData {
  const answers = [
    ...files.written.map((metadata) => ({ metadata, status: 'accepted' as const })),
    ...files.rejected.map(({ metadata }) => ({ metadata, status: 'rejected' as const })),
  ];
  const reasons = new Map<string, number>();
  for (const { reasons: given } of files.rejected) {
    for (const reason of new Set(given.map((each) => each.reason))) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  const finished = answers
    .map(({ metadata, status }) => ({
      status,
      end: Date.parse(metadata.createdAt),
      start: Date.parse(metadata.createdAt) - metadata.elapsedSeconds * 1000,
    }))
    .filter((answer) => Number.isFinite(answer.end))
    .sort((left, right) => left.end - right.end);
  const origin = Math.min(...finished.map((answer) => answer.start));
  const counts = { accepted: 0, rejected: 0 };
  const throughput = finished.map((answer) => {
    counts[answer.status] += 1;
    return {
      minutes: Math.round(((answer.end - origin) / 60_000) * 100) / 100,
      status: answer.status,
      done: counts[answer.status],
    };
  });
  const span = finished.length > 1 ? ((finished.at(-1)?.end ?? 0) - origin) / 3_600_000 : 0;
  return {
    accepted: files.written.length,
    rejected: files.rejected.length,
    points: answers.map(({ metadata, status }) => ({
      id: metadata.id,
      series: status,
      required: metadata.targetWords,
      produced: metadata.words,
    })),
    ratios: answers.map(({ metadata, status }) => ({
      id: metadata.id,
      status,
      ratio: Math.round((metadata.words / metadata.targetWords) * 1000) / 1000,
    })),
    reasons: [...reasons].map(([reason, count]) => ({ reason, answers: count })),
    throughput,
    words: files.written.reduce((sum, metadata) => sum + metadata.words, 0),
    perHour: span > 0 ? files.written.length / span : null,
  };
}
