import { opening } from './compose-think-note.js';
import type { DefectKind, SeamDefectKind } from './defect-kind.js';
import { defectNamedBy } from './defect-kind.js';
import { generateProse } from './generate-prose.js';
import type { ProseBrief } from './prose-brief.js';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';
import { wordList } from './word-list.js';
import { contradictFact, factSentence, worldFact } from './world-fact.js';

/** What the simulated model planted in one reply: the ground truth a test counts against. */
export interface PlantedDefect {
  /** The heading of the section the reply was written for. */
  section: string;
  /** The start of its brief, which tells apart the parts of a section divided under one heading. */
  brief: string;
  kind: DefectKind | SeamDefectKind;
  /** The planted text, exactly as it stands in the reply. */
  text: string;
}

/** Subjects a section may wander off to, none of them near anything a request is likely about. */
const offTopicSubjects = [
  'sourdough starter hydration levain proofing banneton lamination fermentation baguette',
  'beekeeping apiary honeycomb nectar pollen propolis beeswax smoker drone brood',
  'chessboard gambit checkmate castling endgame stalemate zugzwang fianchetto grandmaster',
  'crampons moraine belay crevasse carabiner sherpa bivouac piton abseil couloir',
].map((subject) => wordList(subject));
const threadWords = ['Alder', 'Brightwater', 'Carrow', 'Dunmore', 'Elspeth', 'Fenwick', 'Greaves'];
const threadThings = ['petition', 'bequest', 'shipment', 'inquiry', 'wager', 'dispute'];

const metaParagraph =
  'Before going further, a word on what this section sets out to do: it walks through the points its brief lists, one by one, and the next section will pick up where this one leaves off.';

/**
 * Plants writing defects in prose, as the `defects` knob asks: every section of a document
 * states the seed's world fact once (so a contradiction can be seen), and a `rate` share of
 * sections, chosen from the seed, the section's heading and its brief, carries one defect of a kind drawn
 * from `kinds`. A caller's `requestSeed` joins the draw, so several samples of one section (best
 * of N) differ in their defects as a real model's samples do. A request that names the problem of that kind (see `defectNamedBy`) gets the
 * section without it: the model fixes what it is told about, and only that. Replies without a
 * section heading, and Chinese replies, are left as they are. Pure.
 */
export function plantDefect({
  text,
  brief,
  section,
  sectionBrief = '',
  requestText,
  seed,
  requestSeed,
  rate,
  kinds,
  avoid = [],
}: {
  text: string;
  brief: ProseBrief;
  /** The heading the request gives the section, when it gives one. */
  section: string | undefined;
  /** What the request says the section must cover, when it says. */
  sectionBrief?: string;
  /** Everything the request says, read for findings that name a problem. */
  requestText: string;
  seed: number;
  /** The seed the request itself carries, when it carries one. */
  requestSeed?: number | undefined;
  rate: number;
  kinds: readonly DefectKind[];
  /** Openings of passages the section's think note says not to repeat: never copied. */
  avoid?: readonly string[];
}): { text: string; planted?: PlantedDefect } {
  if (rate <= 0 || brief.language !== 'english') return { text };
  const fact = worldFact(seed);
  const blocks = text.split('\n\n');
  const first = blocks.findIndex((block) => !block.startsWith('#'));
  if (first < 0) return { text };
  const withFact = insertAfter(blocks, first, factSentence(fact));
  if (section === undefined || kinds.length === 0) return { text: withFact.join('\n\n') };
  const random = createSeededRandom([
    seed,
    'defect',
    section,
    sectionBrief,
    ...(requestSeed === undefined ? [] : [requestSeed]),
  ]);
  if (!random.chance(rate)) return { text: withFact.join('\n\n') };
  const kind = random.pick(kinds);
  if (defectNamedBy[kind].test(requestText)) return { text: withFact.join('\n\n') };

  const planted = plant({ kind, blocks, first, brief, fact, random, avoid });
  if (planted === undefined) return { text: withFact.join('\n\n') };
  return {
    text: planted.blocks.join('\n\n'),
    planted: { section, brief: sectionBrief.slice(0, 80), kind, text: planted.text },
  };
}

function plant({
  kind,
  blocks,
  first,
  brief,
  fact,
  random,
  avoid,
}: {
  kind: DefectKind;
  blocks: string[];
  first: number;
  brief: ProseBrief;
  fact: ReturnType<typeof worldFact>;
  random: SeededRandom;
  avoid: readonly string[];
}): { blocks: string[]; text: string } | undefined {
  switch (kind) {
    case 'copied-paragraph': {
      // The longest prose paragraph of the prompt: the text of an earlier section shown to it.
      const source = [...brief.promptParagraphs.slice(1)]
        .filter(
          (paragraph) =>
            paragraph.split(/\s+/).length >= 40 &&
            !/[{}<>#@\n]|^[-*\d]/.test(paragraph) &&
            // A labelled line of the prompt ("What it must cover: …") is an instruction, not prose.
            !/^[A-Z][\w ]{0,40}: /.test(paragraph) &&
            // A writer that planned not to repeat a passage does not copy it.
            !avoid.includes(opening(paragraph.replace(/^…/, ''))),
        )
        .sort((left, right) => right.length - left.length)[0];
      if (source === undefined) return undefined;
      return { blocks: insertBlock(withFactOf(blocks, first, fact), first, source), text: source };
    }
    case 'contradiction': {
      const sentence = factSentence(contradictFact(fact, random));
      return { blocks: insertAfter(blocks, first, sentence), text: sentence };
    }
    case 'off-brief': {
      const prose = generateProse({
        brief: {
          ...brief,
          markdown: false,
          topicWords: { english: [...random.pick(offTopicSubjects)], chinese: [] },
        },
        random: random.fork('off-brief'),
      });
      return { blocks: [prose], text: prose.split('\n\n')[0]! };
    }
    case 'meta-text':
      return {
        blocks: insertBlock(withFactOf(blocks, first, fact), first, metaParagraph),
        text: metaParagraph,
      };
    case 'over-length': {
      const surplus = generateProse({
        brief: { ...brief, markdown: false, length: Math.round(brief.length * 0.8) },
        random: random.fork('over-length'),
      });
      return {
        blocks: [...withFactOf(blocks, first, fact), surplus],
        text: surplus.split('\n\n')[0]!,
      };
    }
    case 'dropped-thread': {
      const thread = `${random.pick(threadWords)} ${random.pick(threadThings)}`;
      const sentence = `One question stays open here, the matter of the ${thread}, and a later part of this document takes it up.`;
      return {
        blocks: insertAfter(withFactOf(blocks, first, fact), first, sentence),
        text: sentence,
      };
    }
  }
}

/** The blocks with the world fact stated at the end of block `index`. */
function withFactOf(blocks: string[], index: number, fact: ReturnType<typeof worldFact>) {
  return insertAfter(blocks, index, factSentence(fact));
}

/** The blocks with `sentence` appended to block `index`. */
function insertAfter(blocks: readonly string[], index: number, sentence: string): string[] {
  return blocks.map((block, position) => (position === index ? `${block} ${sentence}` : block));
}

/** The blocks with a new block after block `index`. */
function insertBlock(blocks: readonly string[], index: number, block: string): string[] {
  return [...blocks.slice(0, index + 1), block, ...blocks.slice(index + 1)];
}
