/** How one measure moves along a document's parts. */
export interface Trend {
  first: number | null;
  last: number | null;
  /** last − first: EQ-Bench's chapter-1-vs-chapter-8 comparison. */
  delta: number | null;
  /** Least-squares slope against the part's position from 0 (first) to 1 (last). */
  slope: number | null;
  /** Mean over the first half of the parts (the middle one left out when their count is odd). */
  firstHalf: number | null;
  secondHalf: number | null;
}

/** The trend of one measure over the parts, skipping parts where it is null. Pure. */
export function trend(values: ReadonlyArray<number | null>): Trend {
  const points = values.flatMap((value, index) =>
    value === null ? [] : [{ x: values.length > 1 ? index / (values.length - 1) : 0, y: value }],
  );
  const half = Math.floor(values.length / 2);
  const mean = (list: ReadonlyArray<number | null>) => {
    const present = list.filter((value): value is number => value !== null);
    return present.length === 0
      ? null
      : present.reduce((sum, value) => sum + value, 0) / present.length;
  };
  const first = points[0]?.y ?? null;
  const last = points.length >= 2 ? (points.at(-1)?.y ?? null) : null;
  return {
    first,
    last,
    delta: first === null || last === null ? null : last - first,
    slope: slope(points),
    firstHalf: half === 0 ? null : mean(values.slice(0, half)),
    secondHalf: half === 0 ? null : mean(values.slice(values.length - half)),
  };
}

function slope(points: ReadonlyArray<{ x: number; y: number }>): number | null {
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? null : covariance / variance;
}
