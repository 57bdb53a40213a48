import type { SeamDefectKind } from './defect-kind.js';
import { seamDefectKinds } from './defect-kind.js';
import type { PlantedDefect } from './plant-defect.js';
import { createSeededRandom } from './seeded-random.js';

/** How a section drafted in parallel is told about the section before it (see its prompt). */
const previousNeighbour = /^Just before this section: "(.*)", which covers: (.+)$/m;
/** How a prompt shows the text before the section, when it was written in time to be shown. */
const previousShown = /^(?:The end of the previous section|Everything written so far):/m;

/**
 * Plants a bad seam, as the `seams` knob asks: a `rate` share of the sections drafted without
 * seeing the section before them (their prompt names that neighbour instead of showing its
 * text), chosen from the seed and the two headings, open badly, either recapping what the
 * section before covers (`seam-recap`) or introducing the document's subject again
 * (`seam-restart`). The planted sentence opens the first paragraph. A section shown the end of
 * the one before it, or asked for a new opening (no neighbour named), is left as it is. Pure.
 */
export function plantSeam({
  text,
  prompt,
  section,
  topic,
  seed,
  rate,
}: {
  text: string;
  /** What the request says, read for the neighbour before. */
  prompt: string;
  /** The heading of the section written. */
  section: string | undefined;
  /** A few words naming the document's subject. */
  topic: string;
  seed: number;
  rate: number;
}): { text: string; planted?: PlantedDefect } {
  const neighbour = previousNeighbour.exec(prompt);
  if (rate <= 0 || section === undefined || neighbour === null || previousShown.test(prompt)) {
    return { text };
  }
  const [, earlierTitle, earlierBrief] = neighbour;
  const random = createSeededRandom([seed, 'seam', earlierTitle!, earlierBrief!, section]);
  if (!random.chance(rate)) return { text };
  const kind: SeamDefectKind = random.pick(seamDefectKinds);
  const sentence =
    kind === 'seam-recap'
      ? `To recall what the previous part covered: ${earlierBrief!.trim().replace(/[.\s]+$/, '')}.`
      : `This guide to ${topic} begins with the basics, starting here with ${section.toLowerCase()}.`;
  const blocks = text.split('\n\n');
  const first = blocks.findIndex((block) => block.trim() !== '' && !block.startsWith('#'));
  if (first < 0) return { text };
  blocks[first] = `${sentence} ${blocks[first]}`;
  return {
    text: blocks.join('\n\n'),
    planted: { section, brief: '', kind, text: sentence },
  };
}
