import type { LongbenchItem } from './longbench-item.js';

/**
 * Each item `samples` times, to measure how much a model's length varies between answers to
 * the same prompt: sample 1 keeps the item's id (so an earlier single-sample run is reused),
 * sample k gets `<id>-s<k>`. Item after item, samples in order. Pure.
 */
export function sampleLongbenchItems({
  items,
  samples,
}: {
  items: readonly LongbenchItem[];
  samples: number;
}): LongbenchItem[] {
  return items.flatMap((item) =>
    Array.from({ length: samples }, (_, index) => ({
      ...item,
      id: index === 0 ? item.id : `${item.id}-s${index + 1}`,
      sample: index + 1,
    })),
  );
}
