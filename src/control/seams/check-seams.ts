import type { Finding } from '../../evaluators/finding.js';
import { callObject } from '../../model/call-object.js';
import type { CallSettings } from '../../model/call-settings.js';
import { addUsage, type CallUsage, emptyUsage } from '../../model/usage-meter.js';
import type { Plan } from '../../planner/plan-schema.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import { type ReviewFacts, renderFacts } from '../review/reviewed-section.js';
import { SeamReplySchema } from './seam-reply-schema.js';
import { edgeSentences, sectionEnding, splitOpening } from './section-edges.js';

/** Words of each edge a seam check reads: enough for a transition, a recap or a restart. */
const edgeWords = 60;
/** Words of each brief a seam check reads. */
const briefWords = 25;
/** Seams one check call reads at most, so the seams of a long document spread over calls. */
const seamsPerCall = 6;

/** What the seam checker found. */
export interface CheckSeamsResult {
  findings: Finding[];
  usage: CallUsage;
  calls: number;
}

/**
 * Checks seams (the plan indexes of the later sections) for a bad transition, content repeated
 * across the join and contradictions, reading only the edges: the last sentences of the earlier
 * section and the first of the later one (about `edgeWords` each), with both briefs and the
 * facts. The seams are read `seamsPerCall` to a call, over at most `calls` concurrent calls. Each finding names both sections and points at the later one, whose
 * opening a repair rewrites.
 */
export async function checkSeams({
  call,
  request,
  plan,
  texts,
  seams,
  facts,
  calls = 1,
  maxOutputTokens = 2_000,
}: {
  call: CallSettings;
  request: string;
  plan: Plan;
  /** The text of every section, by plan index. */
  texts: readonly string[];
  /** Plan indexes (≥ 1) of the sections whose seam with the one before is checked. */
  seams: readonly number[];
  facts: ReviewFacts;
  /** Most calls the seams are shared out over. */
  calls?: number;
  maxOutputTokens?: number;
}): Promise<CheckSeamsResult> {
  // Stryker disable next-line ConditionalExpression: without seams the groups below are empty, so the result is the same
  if (seams.length === 0) return { findings: [], usage: emptyUsage, calls: 0 };
  const groupCount = Math.min(Math.max(1, calls), Math.ceil(seams.length / seamsPerCall));
  const size = Math.ceil(seams.length / groupCount);
  const groups = Array.from({ length: Math.ceil(seams.length / size) }, (_, group) =>
    seams.slice(group * size, (group + 1) * size),
  );
  const replies = await Promise.all(
    groups.map(async (group) =>
      callObject({
        ...call,
        ...(await renderPrompt({
          name: 'check-seams',
          variables: {
            request,
            facts: renderFacts(facts),
            seams: group.map((index) => renderSeam({ plan, texts, index })).join('\n\n'),
          },
        })),
        schema: SeamReplySchema,
        schemaName: 'seams',
        maxOutputTokens,
        temperature: 0,
      }),
    ),
  );
  const findings = new Map<string, Finding>();
  let usage = emptyUsage;
  replies.forEach((reply, group) => {
    usage = addUsage(usage, reply.usage);
    const shown = new Set(groups[group]);
    for (const found of reply.object.findings) {
      // A seam the checker was not shown is one it cannot judge.
      if (!shown.has(found.seam)) continue;
      const earlier = plan.sections[found.seam - 1]!;
      const later = plan.sections[found.seam]!;
      const finding: Finding = {
        evaluator: 'seam',
        ruleId: `seam/${found.rule}`,
        message: `where ${earlier.id} "${earlier.title}" meets ${later.id} "${later.title}": ${found.message}`,
        severity: found.severity,
        location: { section: later.id },
      };
      findings.set(`${finding.ruleId}\u0000${finding.message}`, finding);
    }
  });
  return { findings: [...findings.values()], usage, calls: groups.length };
}

/** One seam as the checker reads it: the earlier section's end, the later one's opening. Pure. */
export function renderSeam({
  plan,
  texts,
  index,
}: {
  plan: Plan;
  texts: readonly string[];
  index: number;
}): string {
  const earlier = plan.sections[index - 1]!;
  const later = plan.sections[index]!;
  const quote = (text: string) => text.replace(/"/g, "'");
  // The gist of a brief is in its first words; the whole of it would cost more than the edges.
  const gist = (brief: string) => {
    const words = brief.trim().split(/\s+/);
    return words.length > briefWords ? `${words.slice(0, briefWords).join(' ')}…` : brief.trim();
  };
  return [
    `<seam number="${index}">`,
    `<earlier id="${earlier.id}" title="${quote(earlier.title)}" brief="${quote(gist(earlier.brief))}">`,
    edgeSentences({
      text: sectionEnding({ text: texts[index - 1] ?? '', count: 1 }),
      end: 'end',
      maxWords: edgeWords,
    }),
    '</earlier>',
    `<later id="${later.id}" title="${quote(later.title)}" brief="${quote(gist(later.brief))}">`,
    edgeSentences({
      text: splitOpening(texts[index] ?? '').opening,
      // Stryker disable next-line StringLiteral: edgeSentences reads from the start for anything but 'end'
      end: 'start',
      maxWords: edgeWords,
    }),
    '</later>',
    '</seam>',
  ].join('\n');
}
