import type { Plan } from '../plan-schema.js';
import { type OutlineSection, outlinePlan } from './outline-plan.js';
import { briefWords, wordOverlap } from './rule-critique.js';

/** How many sections a revision added, removed or renamed, and how many briefs and budgets it changed. */
export interface PlanDiffSummary {
  added: number;
  removed: number;
  renamed: number;
  briefs: number;
  budgets: number;
}

/** A readable diff of two plans, and its counts. */
export interface PlanDiff {
  summary: PlanDiffSummary;
  /** One line per change, `+` added, `-` removed, `~` changed; briefs shown before and after. */
  text: string;
}

/**
 * What a revision changed in a plan, section by section as its author meant them (parts of a
 * section split for length counted once): sections are matched by title, and a section left
 * unmatched whose brief shares at least half its words with an old one's counts as that one
 * renamed. Pure.
 */
export function diffPlans({ before, after }: { before: Plan; after: Plan }): PlanDiff {
  const old = outlinePlan(before);
  const revised = outlinePlan(after);
  const key = (section: OutlineSection) => section.title.trim().toLowerCase();
  const oldByTitle = new Map(old.map((section) => [key(section), section]));
  const revisedTitles = new Set(revised.map(key));
  const unmatchedOld = old.filter((section) => !revisedTitles.has(key(section)));
  const pairs: Array<[OutlineSection, OutlineSection]> = [];
  const added: OutlineSection[] = [];
  const renamed: Array<[OutlineSection, OutlineSection]> = [];
  for (const section of revised) {
    const same = oldByTitle.get(key(section));
    if (same) {
      pairs.push([same, section]);
      continue;
    }
    // A new title over the brief of an old section (or most of it) is that section renamed.
    const words = briefWords(section.brief);
    const closest = unmatchedOld
      .map((each) => ({ each, share: wordOverlap(briefWords(each.brief), words) }))
      .sort((left, right) => right.share - left.share)[0];
    if (closest && closest.share >= 0.5) {
      unmatchedOld.splice(unmatchedOld.indexOf(closest.each), 1);
      renamed.push([closest.each, section]);
      pairs.push([closest.each, section]);
    } else added.push(section);
  }
  const lines: string[] = [];
  let briefs = 0;
  let budgets = 0;
  for (const section of unmatchedOld)
    lines.push(`- removed "${section.title}" (${section.words} words)`);
  for (const section of added) {
    lines.push(`+ added "${section.title}" (${section.words} words)`, `    + ${section.brief}`);
  }
  for (const [was, now] of pairs) {
    if (renamed.some(([from]) => from === was))
      lines.push(`~ renamed "${was.title}" → "${now.title}"`);
    if (was.brief !== now.brief) {
      briefs++;
      lines.push(`~ brief of "${now.title}"`, `    - ${was.brief}`, `    + ${now.brief}`);
    }
    if (was.words !== now.words) {
      budgets++;
      lines.push(`~ budget of "${now.title}": ${was.words} → ${now.words} words`);
    }
  }
  return {
    summary: {
      added: added.length,
      removed: unmatchedOld.length,
      renamed: renamed.length,
      briefs,
      budgets,
    },
    text: lines.length > 0 ? `${lines.join('\n')}\n` : 'no change\n',
  };
}
