import { englishNouns } from './english-nouns.js';
import { createSeededRandom } from './seeded-random.js';
import {
  draftPlanValue,
  freshBrief,
  freshTitle,
  mentions,
  planTitle,
  readPlanLines,
  readRequest,
  requestTerms,
  type SimPlanSection,
} from './sim-plan.js';

/** True when a planning prompt carries an editor's findings: a request to revise the plan. */
export function asksForPlanRevision(prompt: string): boolean {
  return prompt.includes('# What the editor found');
}

const listPrefix =
  /^(?:top\s+)?(?:\d+|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z]+\s+)*?(?:ways to think about|tips on|reasons to care about|things to know about|ways|tips|reasons|things)\s+/i;

const order = [
  'generic-frame',
  'listicle',
  'vague-brief',
  'overlap',
  'unbalanced-budget',
  'unplaced-requirement',
  'missing-part',
];

/**
 * The simulated planner's revision, from the prompt alone: the plan's lines and the editor's
 * findings. It changes what the findings name and nothing else: a frame section folded into its
 * neighbour, list headings rewritten as headings, a vague or overlapping brief written afresh
 * from its own subject, a missing subject added to a brief, budgets evened out, an unplaced
 * requirement given a section. Pure.
 */
export function revisePlanAsSim({ prompt, seed }: { prompt: string; seed: number }): object {
  const request = readRequest(prompt);
  const terms = requestTerms(request);
  const random = createSeededRandom([seed, 'sim-revise', prompt]);
  let sections = readPlanLines(prompt);
  const found = prompt.slice(prompt.indexOf('# What the editor found'));
  const findings = [...found.matchAll(/^- ([a-z-]+) \(([^)]*)\): (.*)$/gm)].map((match) => ({
    rule: match[1]!,
    ids: [...new Set([match[2]!, ...(match[3]!.match(/\bs\d{3,}\b/g) ?? [])])].filter((id) =>
      /^s\d+$/.test(id),
    ),
    message: match[3]!,
  }));
  // A missing subject is added last, so no brief written afresh for another finding loses it.
  findings.sort((left, right) => order.indexOf(left.rule) - order.indexOf(right.rule));
  const byId = (id: string) => sections.find((section) => section.id === id);
  const subjects = (section: SimPlanSection) => {
    const named = terms.filter((term) => mentions(`${section.title} ${section.brief}`, term));
    return named.length > 0 ? named : [section.title.split(':')[0]!.toLowerCase()];
  };
  for (const finding of findings) {
    if (finding.rule === 'generic-frame') {
      for (const id of finding.ids) {
        const index = sections.findIndex((section) => section.id === id);
        if (index < 0 || sections.length < 2) continue;
        const neighbour = sections[index === 0 ? 1 : index - 1]!;
        neighbour.words += sections[index]!.words;
        sections = sections.filter((_, other) => other !== index);
      }
    } else if (finding.rule === 'listicle') {
      for (const section of finding.ids.map(byId)) {
        if (!section) continue;
        section.title = freshTitle({
          term: section.title.replace(listPrefix, '').toLowerCase(),
          random,
        });
      }
    } else if (finding.rule === 'vague-brief') {
      for (const section of finding.ids.map(byId)) {
        if (section)
          section.brief = freshBrief({ terms: subjects(section), context: terms, random });
      }
    } else if (finding.rule === 'overlap') {
      // The earliest section named keeps its brief; the later ones get their own.
      const named = sections.filter((section) => finding.ids.includes(section.id!));
      for (const section of named.slice(1)) {
        section.brief = freshBrief({ terms: subjects(section), context: terms, random });
      }
    } else if (finding.rule === 'missing-part') {
      const term = /"([^"]+)"/.exec(finding.message)?.[1];
      if (term === undefined || sections.some((section) => mentions(section.brief, term))) continue;
      const section = random.pick(sections);
      section.brief = `${section.brief} It also covers ${term}: the ${random.pick(englishNouns)} and the ${random.pick(englishNouns)} of ${term}.`;
    } else if (finding.rule === 'unbalanced-budget') {
      const total = sections.reduce((sum, section) => sum + section.words, 0);
      for (const section of sections) section.words = Math.round(total / sections.length);
    } else if (finding.rule === 'unplaced-requirement') {
      const id = /requirement (\S+) /.exec(finding.message)?.[1];
      if (id && sections[0] && !sections[0].requirements.includes(id))
        sections[0].requirements.push(id);
    }
  }
  return draftPlanValue({ title: planTitle(terms), sections });
}
