import { countWords } from '../evaluators/count-words.js';
import { openThread } from './dropped-threads.js';
import {
  englishAdjectives,
  englishAdverbs,
  englishModals,
  englishOpeners,
  englishPrepositions,
  englishSubordinators,
} from './english-modifiers.js';
import { englishNouns } from './english-nouns.js';
import { intransitiveVerbs, transitiveVerbs } from './english-verbs.js';
import { metaPhrasing } from './meta-text-sections.js';
import { paragraphsOf, type ReviewedDocument, type SimReviewFinding } from './reviewed-document.js';
import { wordList } from './word-list.js';

// Words any section may use whatever its subject: the vocabulary the sim writes its prose with,
// and the function words around it.
const everyday = new Set(
  [
    ...englishNouns,
    ...englishAdjectives,
    ...englishAdverbs,
    ...transitiveVerbs,
    ...intransitiveVerbs,
    ...englishPrepositions,
    ...englishSubordinators,
    ...englishModals,
    ...englishOpeners.flatMap((opener) => opener.split(/\s+/)),
    ...wordList(`their every another several those these there which while might could should
      would other others where whose some many much most more less least such same each both
      this that have does kept with from into them they were been what when than then
      going further word words section sections paragraph paragraphs`),
  ].map((word) => word.toLowerCase()),
);

const endings: ReadonlyArray<readonly [RegExp, string]> = [
  [/s$/, ''],
  [/es$/, ''],
  [/ed$/, ''],
  [/d$/, ''],
  [/ing$/, ''],
  [/ing$/, 'e'],
  [/ly$/, ''],
  [/ies$/, 'y'],
  [/ied$/, 'y'],
];

/** True for a word of everyday English, in any of its regular forms ("slopes", "stated"). */
function isEveryday(word: string): boolean {
  return (
    word.length < 4 ||
    everyday.has(word) ||
    endings.some(([ending, base]) => ending.test(word) && everyday.has(word.replace(ending, base)))
  );
}

/** The topical words of a text (outside everyday English) with how often each occurs. */
function topicalWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (!isEveryday(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/**
 * The subject of its own a section keeps returning to: topical words that neither the request,
 * the plan nor the established facts (`reference`) name, used in `text` and by hardly any of
 * the `others` (a word several sections share is the document's own
 * vocabulary, whatever the plan says). Returns those words and how often `text` uses them.
 * Pure.
 */
function foreignSubject({
  text,
  reference,
  others,
}: {
  text: string;
  reference: string;
  others: readonly string[];
}): { words: string[]; uses: number } {
  const known = new Set(reference.toLowerCase().match(/[a-z]+/g) ?? []);
  const elsewhere = others.map((other) => topicalWords(other));
  // Beyond one in ten of the other sections, a word is the document's own, not one section's.
  const shared = Math.floor(others.length / 10);
  const words: string[] = [];
  let uses = 0;
  for (const [word, count] of topicalWords(text)) {
    if (known.has(word)) continue;
    if (elsewhere.filter((each) => each.has(word)).length > shared) continue;
    words.push(word);
    uses += count;
  }
  return { words, uses };
}

/**
 * The simulated reviewer's off-brief check. A section is off its brief when it writes about a
 * subject of its own: at least four words of it (see `foreignSubject`), used together at least
 * ten times per 1,000 words. One or two unusual words are a section's colour; a cluster of them
 * is another topic. Pure.
 */
export function offBriefSections({ shown, plan, known }: ReviewedDocument): SimReviewFinding[] {
  return shown.flatMap((section) => {
    const planned = plan.get(section.id);
    if (planned === undefined) return [];
    const subject = foreignSubject({
      text: aboutTheSubject(section.text),
      // The whole plan: a section may well use words of its neighbours' briefs.
      reference: `${known}\n${[...plan.values()].map((each) => `${each.title} ${each.brief}`).join('\n')}`,
      others: shown.filter((other) => other !== section).map((other) => other.text),
    });
    const perThousand = (subject.uses * 1000) / Math.max(1, countWords(section.text));
    return subject.words.length < 4 || perThousand < 10
      ? []
      : [
          {
            rule: 'off-brief' as const,
            sections: [section.id],
            message: `writes about something its brief never asks for (${subject.words.slice(0, 4).join(', ')}: ${subject.uses} uses of words the request, the plan and the rest of the document do not use); cover "${planned.brief.slice(0, 60)}"`,
            severity: 'error' as const,
          },
        ];
  });
}

/**
 * The prose of a section that speaks of its subject: without the paragraphs about the writing
 * and the sentences that open a thread, which are defects of their own, not a change of topic.
 */
function aboutTheSubject(text: string): string {
  return paragraphsOf(text)
    .filter((paragraph) => !metaPhrasing.test(paragraph))
    .map((paragraph) =>
      paragraph
        .split(/(?<=[.!?])\s+/)
        .filter((sentence) => !openThread.test(sentence))
        .join(' '),
    )
    .join('\n\n');
}
