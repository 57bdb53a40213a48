import { countWords } from '../evaluators/count-words.js';
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
import type { SimResponseFormat } from './sim-request.js';
import { wordList } from './word-list.js';

/** One defect the simulated reviewer reports, in the shape the review's schema asks for. */
export interface SimReviewFinding {
  rule: 'repetition' | 'contradiction' | 'dropped-thread' | 'off-brief' | 'meta-text' | 'length';
  sections: string[];
  message: string;
  severity: 'error' | 'warning';
}

interface ShownSection {
  id: string;
  text: string;
}

interface PlannedSection {
  id: string;
  title: string;
  words: number;
  brief: string;
}

/** True when a JSON request's schema asks for a list of `findings`: a reviewer's request. */
export function asksForReview(format: SimResponseFormat): boolean {
  if (format.type !== 'json' || typeof format.schema !== 'object') return false;
  const properties = (format.schema as { properties?: Record<string, unknown> }).properties;
  return properties !== undefined && 'findings' in properties && 'reviewed' in properties;
}

const metaPhrasing =
  /\b(?:this section (?:sets out|will|aims)|the next section will|in this section,? (?:we|I) (?:will|shall)|as an AI\b|I will now|let me know if)/i;
const openThread =
  /the (?:matter|question) of the ([A-Za-z]+ [A-Za-z]+)[^.]*?(?:takes? it up|comes? back to it|returns? to it)/i;
const value = /(?<![\p{L}\d])(?:\d[\d,]*\d|[A-Z][a-z]+ [A-Z][a-z]+)(?![\p{L}\d])/gu;
const keyBefore = /(?<![\p{L},.;:])((?:[A-Za-z]+ ){3})$/u;

/**
 * Answers a reviewer's request the way a careful reader would, from the prompt alone: the plan
 * and the sections shown. Repeated paragraphs by comparing the text, meta-text by its phrasing,
 * contradicting names and figures by comparing mentions that follow the same words (the value
 * most sections state wins), an opened thread no later section shown names again, a section
 * that keeps returning to words the request, the plan, the facts and the other sections do not
 * use, a section far from its budget by counting. It never sees what was planted. Pure.
 */
export function reviewAsSim({ prompt }: { prompt: string }): {
  reviewed: string[];
  findings: SimReviewFinding[];
} {
  const plan = readPlan(prompt);
  const shown = readSections(prompt);
  const request = /<request>\n([\s\S]*?)\n<\/request>/.exec(prompt)?.[1] ?? '';
  const facts = /# Facts established so far\n([\s\S]*?)\n# The document/.exec(prompt)?.[1] ?? '';
  const findings = [
    ...repeatedParagraphs(shown),
    ...metaText(shown),
    ...contradictions(shown),
    ...droppedThreads(shown, /Sections shown: \d+–(\d+) of \1\./.test(prompt)),
    ...offBrief(shown, plan, `${request}\n${facts}`),
    ...offLength(shown, plan),
  ];
  return { reviewed: shown.map((section) => section.id), findings };
}

function readPlan(prompt: string): Map<string, PlannedSection> {
  const plan = new Map<string, PlannedSection>();
  for (const match of prompt.matchAll(/^- (\S+) "(.*)" \((\d+) words\): (.*)$/gm)) {
    plan.set(match[1]!, {
      id: match[1]!,
      title: match[2]!,
      words: Number(match[3]),
      brief: match[4]!,
    });
  }
  return plan;
}

function readSections(prompt: string): ShownSection[] {
  return [...prompt.matchAll(/<section id="([^"]+)"[^>]*>\n([\s\S]*?)\n<\/section>/g)].map(
    (match) => ({ id: match[1]!, text: match[2]! }),
  );
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => !paragraph.startsWith('#') && paragraph !== '');
}

function repeatedParagraphs(shown: readonly ShownSection[]): SimReviewFinding[] {
  const firstSeen = new Map<string, string>();
  const findings: SimReviewFinding[] = [];
  for (const section of shown) {
    for (const paragraph of paragraphs(section.text)) {
      if (countWords(paragraph) < 25) continue;
      const key = paragraph.toLowerCase().replace(/\s+/g, ' ');
      const earlier = firstSeen.get(key);
      if (earlier === undefined) firstSeen.set(key, section.id);
      else if (earlier !== section.id) {
        findings.push({
          rule: 'repetition',
          sections: [section.id],
          message: `repeats word for word a paragraph of ${earlier}: "${paragraph.slice(0, 60)}…"; say something new instead`,
          severity: 'error',
        });
      }
    }
  }
  return findings;
}

function metaText(shown: readonly ShownSection[]): SimReviewFinding[] {
  return shown.flatMap((section) => {
    const found = paragraphs(section.text).find((paragraph) => metaPhrasing.test(paragraph));
    return found === undefined
      ? []
      : [
          {
            rule: 'meta-text' as const,
            sections: [section.id],
            message: `talks about the writing instead of the subject: "${found.slice(0, 60)}…"; remove it`,
            severity: 'error' as const,
          },
        ];
  });
}

function contradictions(shown: readonly ShownSection[]): SimReviewFinding[] {
  // key (the three words before a value) → value → sections stating it
  const statements = new Map<string, Map<string, Set<string>>>();
  for (const section of shown) {
    // Mentions may overlap ("kept by Ines Corwin lists 4,512"): each value gets its own key.
    for (const match of section.text.matchAll(value)) {
      const before = section.text.slice(Math.max(0, match.index - 80), match.index);
      const key = keyBefore.exec(before)?.[1]?.trim().toLowerCase();
      if (key === undefined) continue;
      const values = statements.get(key) ?? new Map<string, Set<string>>();
      const sections = values.get(match[0]) ?? new Set<string>();
      sections.add(section.id);
      values.set(match[0], sections);
      statements.set(key, values);
    }
  }
  const findings: SimReviewFinding[] = [];
  for (const [key, values] of statements) {
    if (values.size < 2) continue;
    const ranked = [...values].sort((left, right) => right[1].size - left[1].size);
    const [agreed, agreeing] = ranked[0]!;
    if (ranked[1]![1].size === agreeing.size) continue; // no majority: cannot tell which is right
    for (const [value, sections] of ranked.slice(1)) {
      for (const id of sections) {
        if (agreeing.has(id)) continue;
        findings.push({
          rule: 'contradiction',
          sections: [id],
          message: `says "${key} ${value}" where ${agreeing.size} other sections say "${key} ${agreed}"; make it agree`,
          severity: 'error',
        });
      }
    }
  }
  return findings;
}

function droppedThreads(shown: readonly ShownSection[], reachesEnd: boolean): SimReviewFinding[] {
  return shown.flatMap((section, position) => {
    const thread = openThread.exec(section.text)?.[1];
    if (thread === undefined) return [];
    const later = shown.slice(position + 1);
    if (later.length === 0 && !reachesEnd) return [];
    // Taken up where a later section names the matter itself, not just someone in it.
    const words = thread.split(' ');
    if (later.some((each) => words.every((word) => each.text.includes(word)))) return [];
    return [
      {
        rule: 'dropped-thread' as const,
        sections: [section.id],
        message: `promises that a later part takes up "the ${thread}", and no later section does; resolve it here or drop the promise`,
        severity: 'warning' as const,
      },
    ];
  });
}

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
 * A section is off its brief when it writes about a subject of its own: at least four words
 * of it (see `foreignSubject`), used together at least ten times per 1,000 words. One or two
 * unusual words are a section's colour; a cluster of them is another topic.
 */
function offBrief(
  shown: readonly ShownSection[],
  plan: ReadonlyMap<string, PlannedSection>,
  /** The request and the facts the document established: what any section may speak of. */
  known: string,
): SimReviewFinding[] {
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
  return paragraphs(text)
    .filter((paragraph) => !metaPhrasing.test(paragraph))
    .map((paragraph) =>
      paragraph
        .split(/(?<=[.!?])\s+/)
        .filter((sentence) => !openThread.test(sentence))
        .join(' '),
    )
    .join('\n\n');
}

function offLength(
  shown: readonly ShownSection[],
  plan: ReadonlyMap<string, PlannedSection>,
): SimReviewFinding[] {
  return shown.flatMap((section) => {
    const planned = plan.get(section.id);
    if (planned === undefined) return [];
    const words = countWords(section.text);
    const ratio = words / Math.max(1, planned.words);
    return ratio <= 1.5 && ratio >= 0.5
      ? []
      : [
          {
            rule: 'length' as const,
            sections: [section.id],
            message: `holds ${words} words where its budget is ${planned.words}; ${ratio > 1 ? 'cut it down' : 'develop it'}`,
            severity: 'warning' as const,
          },
        ];
  });
}
