import { ContextBudgetError } from '../../errors/context-budget-error.js';
import { formatTokens } from '../../model/context/format-tokens.js';
import { widenWindowAdvice } from '../../model/context/server-kind.js';
import type { Plan } from '../../planner/plan-schema.js';
import { lengthDirective } from '../../prompts/length-directive.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import type { Task } from '../../task/task-schema.js';
import { estimateTokens } from '../../util/estimate-tokens.js';
import type { Ledger } from '../ledger/ledger-schema.js';
import { renderLedger } from '../ledger/render-ledger.js';
import { renderOutline } from './render-outline.js';
import { sectionPosition } from './section-position.js';

/** What a step sees: `bounded` (default) or `full` (all previous text, AgentWrite's baseline). */
export type ContextPolicy = 'bounded' | 'full';

/** The prompt of one writing step, measured, and the reply limit that fits beside it. */
export interface StepContext {
  system: string | undefined;
  prompt: string;
  /** Input tokens of the whole prompt, by the run's count. */
  tokens: number;
  /** Tokens of the prefix shared by every step of the run (cacheable). */
  stableTokens: number;
  /** What had to be trimmed to fit the window, in order, each part named once. */
  trimmed: string[];
  /** The reply limit to ask for: the section's own, or less when the window is small. */
  maxOutputTokens: number;
}

/** Limits of a step's context. */
export interface ContextLimits {
  /** Most tokens, by the run's count, a step's prompt and its reply may take together. */
  windowTokens: number;
  /** Words of the previous section shown (bounded). */
  tailWords: number;
  /** Most words of the ledger shown (bounded). */
  summaryWords: number;
}

interface Knobs {
  ledgerWords: number;
  tailWords: number;
  outlineWindow: number;
  droppedSections: number;
  requestChars: number;
}

/**
 * The shortest reply limit a step is given before its request is cut: an eighth of its own
 * (continuations write the rest), never under 128 tokens.
 */
function replyFloor(outputTokens: number): number {
  return Math.min(outputTokens, Math.max(128, Math.ceil(outputTokens / 8)));
}

/**
 * Builds the prompt of the writing step for section `index`. `bounded`: the full request, the
 * outline around the section, the ledger, the tail of the previous section, the instruction —
 * its size does not grow with the document. `full`: the full request and outline and every
 * section written so far, as AgentWrite does.
 *
 * The prompt and the section's reply limit (`outputTokens`) must fit the window together. When
 * they do not, parts are trimmed in this order until they do: (1) `full` only: the oldest
 * previous sections; (2) `bounded` only: the ledger, halved each time; (3) `bounded` only: the
 * tail of the previous section, halved; (4) the outline window, narrowed; (5) the reply limit,
 * lowered to what is left (down to an eighth of it, at least 128 tokens; continuations finish
 * the section); (6) the request, cut in the middle. The instruction itself is never trimmed; if
 * it alone does not fit, this throws `ContextBudgetError` rather than sending an over-long prompt.
 */
export async function buildStepContext({
  policy,
  task,
  plan,
  index,
  ledger,
  previous,
  limits,
  outputTokens,
  count = estimateTokens,
  // Stryker disable next-line ObjectLiteral: a missing server and an undefined one give the same advice
  widenAdvice = widenWindowAdvice({ server: undefined }),
  neighbours,
  thinkNote = '',
}: {
  policy: ContextPolicy;
  task: Task;
  plan: Plan;
  index: number;
  ledger: Ledger;
  /** Texts of the sections before `index`, in order. */
  previous: string[];
  limits: ContextLimits;
  /** The section's own reply limit. */
  outputTokens: number;
  /** Counts tokens the way the run does (the model's vocabulary, or quire's estimate). */
  count?: (text: string) => number;
  /** How to get a larger window from the server at hand, for the error when nothing fits. */
  widenAdvice?: string;
  /** For a section drafted in parallel: its neighbours' briefs and where it starts and ends. */
  neighbours?: string;
  /** What ends the prompt about the section's think note (see `thinkBeforeSection`); '' for none. */
  thinkNote?: string;
}): Promise<StepContext> {
  const knobs: Knobs = {
    ledgerWords: limits.summaryWords,
    tailWords: limits.tailWords,
    // AgentWrite shows the whole plan to every step; the bounded policy a window of it.
    outlineWindow: policy === 'full' ? plan.sections.length : 24,
    droppedSections: 0,
    requestChars: task.prompt.length,
  };
  const trimmed: string[] = [];
  const window = limits.windowTokens;
  for (;;) {
    const context = await render({
      policy,
      task,
      plan,
      index,
      ledger,
      previous,
      knobs,
      count,
      neighbours,
      thinkNote,
    });
    const tokens = count(context.system ?? '') + count(context.prompt);
    const done = (maxOutputTokens: number) => ({ ...context, tokens, trimmed, maxOutputTokens });
    if (tokens + outputTokens <= window) return done(outputTokens);
    const step = trimOnce({ policy, knobs, previousCount: previous.length });
    if (step) {
      // Each part is named once, however many times it was cut.
      if (trimmed.at(-1) !== step) trimmed.push(step);
      continue;
    }
    if (window - tokens >= replyFloor(outputTokens)) {
      trimmed.push('reply limit');
      return done(window - tokens);
    }
    if (knobs.requestChars > 400) {
      knobs.requestChars = Math.floor(knobs.requestChars / 2);
      if (trimmed.at(-1) !== 'request') trimmed.push('request');
      continue;
    }
    throw new ContextBudgetError({
      message: `The prompt for section ${index + 1} needs about ${formatTokens(tokens)} tokens even after trimming, which leaves ${formatTokens(Math.max(0, window - tokens))} of the ${formatTokens(window)} tokens quire fits into the context window for a reply that needs at least ${formatTokens(replyFloor(outputTokens))}: ${widenAdvice}, or shorten the request.`,
      tokens,
      budget: window,
      outputTokens: replyFloor(outputTokens),
    });
  }
}

function trimOnce({
  policy,
  knobs,
  previousCount,
}: {
  policy: ContextPolicy;
  knobs: Knobs;
  previousCount: number;
}): string | undefined {
  if (policy === 'full' && knobs.droppedSections < previousCount - 1) {
    knobs.droppedSections++;
    return 'oldest previous section';
  }
  if (policy === 'bounded' && knobs.ledgerWords > 40) {
    knobs.ledgerWords = Math.floor(knobs.ledgerWords / 2);
    return 'ledger';
  }
  // A full prompt shows whole sections, never a tail: cutting one would change nothing.
  if (policy === 'bounded' && knobs.tailWords > 20) {
    knobs.tailWords = Math.floor(knobs.tailWords / 2);
    return 'previous tail';
  }
  if (knobs.outlineWindow > 2) {
    knobs.outlineWindow = Math.floor(knobs.outlineWindow / 2);
    return 'outline';
  }
  return undefined;
}

async function render({
  policy,
  task,
  plan,
  index,
  ledger,
  previous,
  knobs,
  count,
  neighbours,
  thinkNote,
}: {
  policy: ContextPolicy;
  task: Task;
  plan: Plan;
  index: number;
  ledger: Ledger;
  previous: string[];
  knobs: Knobs;
  count: (text: string) => number;
  neighbours: string | undefined;
  thinkNote: string;
}): Promise<Omit<StepContext, 'tokens' | 'trimmed' | 'maxOutputTokens'>> {
  const section = plan.sections[index]!;
  const outline = renderOutline({ plan, index, window: knobs.outlineWindow });
  const previousBlock = withNeighbours(previousText({ policy, previous, knobs }), neighbours);
  const rendered = await renderPrompt({
    name: 'write-section',
    variables: {
      request: cutMiddle(task.prompt, knobs.requestChars),
      title: plan.title,
      outline,
      ledger:
        policy === 'bounded'
          ? renderLedger({
              ledger,
              focus: `${section.title}\n${section.brief}`,
              sectionId: section.id,
              maxWords: knobs.ledgerWords,
            })
          : 'See the text so far below.',
      previousLabel: previousBlock.label,
      previous: previousBlock.text,
      number: index + 1,
      count: plan.sections.length,
      sectionTitle: section.title,
      brief: section.brief,
      constraints:
        section.constraints.length > 0
          ? section.constraints.map((constraint) => `- ${constraint.text}`).join('\n')
          : '- (nothing in particular)',
      position: sectionPosition({ plan, index }),
      lengthDirective: lengthDirective({ words: section.words, lang: task.lang }),
      thinkNote,
    },
  });
  // The outline is part of the shared prefix only while it is shown whole (not windowed).
  const outlineAt = rendered.prompt.indexOf(outline);
  const whole = plan.sections.length <= knobs.outlineWindow;
  const stableEnd = whole ? outlineAt + outline.length : outlineAt;
  const stableTokens =
    count(rendered.system ?? '') + count(rendered.prompt.slice(0, Math.max(0, stableEnd)));
  // Without a think note the prompt ends at the length directive, as it always did.
  return { system: rendered.system, prompt: rendered.prompt.trimEnd(), stableTokens };
}

function previousText({
  policy,
  previous,
  knobs,
}: {
  policy: ContextPolicy;
  previous: string[];
  knobs: Knobs;
}): { label: string; text: string } {
  if (previous.length === 0) {
    return { label: 'Text before this section', text: 'This is the first section.' };
  }
  if (policy === 'full') {
    const kept = previous.slice(knobs.droppedSections);
    const note =
      knobs.droppedSections > 0
        ? `[… ${knobs.droppedSections} earlier sections omitted …]\n\n`
        : '';
    return { label: 'Everything written so far', text: `${note}${kept.join('\n\n')}` };
  }
  const words = (previous.at(-1) ?? '').split(/(\s+)/);
  const tail = words.slice(Math.max(0, words.length - knobs.tailWords * 2)).join('');
  return {
    label: 'The end of the previous section',
    text: knobs.tailWords === 0 || tail.trim() === '' ? '(omitted)' : `…${tail.trimStart()}`,
  };
}

/** The previous-text block of a section drafted in parallel: what is written, and its neighbours. */
function withNeighbours(
  block: { label: string; text: string },
  neighbours: string | undefined,
): { label: string; text: string } {
  if (neighbours === undefined) return block;
  const written = block.text !== '(omitted)' && block.text.trim() !== '';
  return {
    label: 'The sections around this one',
    text: written ? `${block.label}:\n\n${block.text}\n\n${neighbours}` : neighbours,
  };
}

function cutMiddle(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const half = Math.floor(maxChars / 2);
  return `${text.slice(0, half)} […] ${text.slice(text.length - half)}`;
}
