import { englishAdjectives } from './english-modifiers.js';
import { englishNouns } from './english-nouns.js';
import type { SeededRandom } from './seeded-random.js';
import { extractTopicWords } from './topic-words.js';

/** A section of a plan as the simulated planner, critic and reviser handle it. */
export interface SimPlanSection {
  /** Its id, when read from a prompt. */
  id?: string;
  title: string;
  brief: string;
  words: number;
  /** The ids of the requirements due in it. */
  requirements: string[];
}

/**
 * The subjects a request names: its topic words, lower-cased. The simulated planner gives each
 * one a place, and its critic looks for each one, as a careful reader of the request would.
 * Pure.
 */
export function requestTerms(request: string): string[] {
  return extractTopicWords(request)
    .english.map((word) => word.toLowerCase())
    .slice(0, 16);
}

/** True when `text` mentions `term` as a word (or its plural). Pure. */
export function mentions(text: string, term: string): boolean {
  return new RegExp(`(?<![a-z])${term}(?:s|es)?(?![a-z])`, 'i').test(text);
}

/**
 * A brief that says what a section covers: its subjects and concrete things around them, set
 * against two more of the request's subjects (`context`), as a brief ties its section to the
 * whole.
 */
export function freshBrief({
  terms,
  context,
  random,
}: {
  terms: readonly string[];
  context: readonly string[];
  random: SeededRandom;
}): string {
  const noun = () => random.pick(englishNouns);
  const adjective = () => random.pick(englishAdjectives);
  const subject = terms.length > 0 ? terms.join(' and ') : noun();
  const around =
    context.length > 0
      ? `, set against the ${random.pick(context)} and the ${random.pick(context)}`
      : '';
  // The first clause differs from section to section, as it becomes the title of a plan read
  // from lines that give none.
  return `${capitalise(subject)} in the ${adjective()} ${noun()}: the ${noun()} of the ${noun()}, the ${noun()} behind the ${noun()}, and the ${adjective()} ${noun()}. It turns on the ${noun()} and the ${noun()}, with one ${noun()} as its case${around}.`;
}

/** A heading for a section about `term`. */
export function freshTitle({ term, random }: { term: string; random: SeededRandom }): string {
  return `${capitalise(term)}: the ${capitalise(random.pick(englishAdjectives))} ${capitalise(random.pick(englishNouns))}`;
}

/** The title the simulated planner gives a plan of these subjects. Pure. */
export function planTitle(terms: readonly string[]): string {
  return `${capitalise(terms[0] ?? 'subject')}: a ${capitalise(terms[1] ?? 'study')}`;
}

/** `text` with its first letter in capitals. Pure. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The request of a planning prompt (its `<request>` block). Pure. */
export function readRequest(prompt: string): string {
  return /<request>\n([\s\S]*?)\n<\/request>/.exec(prompt)?.[1] ?? '';
}

/**
 * The plan a critique or revision prompt shows, one line per section:
 * `- s001 "Title" (650 words): brief [requirements: r1, r2]`. Pure.
 */
export function readPlanLines(prompt: string): SimPlanSection[] {
  return [
    ...prompt.matchAll(
      /^- (s\d+) "(.*)" \((\d+) words\): (.*?)(?: \[requirements: ([^\]]*)\])?$/gm,
    ),
  ].map((match) => ({
    id: match[1]!,
    title: match[2]!,
    words: Number(match[3]),
    brief: match[4]!,
    requirements: match[5] ? match[5].split(', ') : [],
  }));
}

/** A plan as the draft-plan JSON schema asks for it. Pure. */
export function draftPlanValue({
  title,
  sections,
}: {
  title: string;
  sections: readonly SimPlanSection[];
}): object {
  const placements = new Map<string, number[]>();
  sections.forEach((section, index) => {
    for (const id of section.requirements) {
      placements.set(id, [...(placements.get(id) ?? []), index + 1]);
    }
  });
  return {
    title,
    sections: sections.map(({ title, brief, words }) => ({ title, brief, words })),
    placements: [...placements].map(([requirement, numbers]) => ({
      requirement,
      sections: numbers,
    })),
  };
}
