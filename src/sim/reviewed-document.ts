/** One defect the simulated reviewer reports, in the shape the review's schema asks for. */
export interface SimReviewFinding {
  rule: 'repetition' | 'contradiction' | 'dropped-thread' | 'off-brief' | 'meta-text' | 'length';
  sections: string[];
  message: string;
  severity: 'error' | 'warning';
}

/** A section of the document as the review prompt shows it. */
export interface ShownSection {
  id: string;
  text: string;
}

/** A section as the plan in the review prompt describes it. */
export interface PlannedSection {
  id: string;
  title: string;
  words: number;
  brief: string;
}

/** What the simulated reviewer reads in a review prompt: all each of its checks looks at. */
export interface ReviewedDocument {
  /** The sections shown, in order. */
  shown: ShownSection[];
  /** The plan's sections by id. */
  plan: ReadonlyMap<string, PlannedSection>;
  /** The request and the facts the document established: what any section may speak of. */
  known: string;
  /** True when the sections shown run to the document's last one. */
  reachesEnd: boolean;
}

/** Reads the plan, the sections shown, the request and the facts out of a review prompt. Pure. */
export function readReviewedDocument({ prompt }: { prompt: string }): ReviewedDocument {
  const request = /<request>\n([\s\S]*?)\n<\/request>/.exec(prompt)?.[1] ?? '';
  const facts = /# Facts established so far\n([\s\S]*?)\n# The document/.exec(prompt)?.[1] ?? '';
  return {
    shown: readSections(prompt),
    plan: readPlan(prompt),
    known: `${request}\n${facts}`,
    reachesEnd: /Sections shown: \d+–(\d+) of \1\./.test(prompt),
  };
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

/** The paragraphs of a section's text, headings and blanks left out. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => !paragraph.startsWith('#') && paragraph !== '');
}
