/**
 * Writes sorted whole numbers compactly: [1, 2, 3, 7, 9, 10] → "1–3, 7, 9–10". Long lists are
 * cut after `limit` parts with a count of the rest. Pure.
 */
export function formatNumberRanges({
  numbers,
  limit = 12,
}: {
  numbers: readonly number[];
  limit?: number;
}): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] ?? 0) + 1) end++;
    parts.push(end === index ? `${sorted[index]}` : `${sorted[index]}–${sorted[end]}`);
    index = end + 1;
  }
  if (parts.length <= limit) return parts.join(', ');
  return `${parts.slice(0, limit).join(', ')} and ${parts.length - limit} more`;
}
