import { Output } from 'ai';
import { ModelCallError } from '../errors/model-call-error.js';
import { ModelOutputError } from '../errors/model-output-error.js';
import { callAndRead } from '../model/call-and-read.js';
import type { CallSettings } from '../model/call-settings.js';
import { type CallUsage, emptyUsage } from '../model/usage-meter.js';
import { languageName } from '../prompts/length-directive.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import type { Task } from '../task/task-schema.js';
import { DraftPlanSchema } from './draft-plan-schema.js';
import { type ReadPlanReplyResult, readPlanReply } from './read-plan-reply.js';

/**
 * How the plan is asked for: `json` sends the draft plan's JSON schema as the response format
 * (structured output, where the server supports it), `lines` asks for one line per section in
 * AgentWrite's form. Either way any readable form is accepted.
 */
export type PlanFormat = 'json' | 'lines';

/** One plan request, as read. */
export interface PlanRequestResult {
  read: ReadPlanReplyResult;
  usage: CallUsage;
  /** The start of the reply, for messages. */
  excerpt: string;
  /** The format finally used: `lines` when the server refused structured output. */
  format: PlanFormat;
  /** The status with which the server refused structured output, if it did. */
  refusedStatus?: number;
}

type PlanRequest = {
  task: Task;
  call: CallSettings;
  format: PlanFormat;
  sectionCount: number;
  feedback: string;
};

/**
 * One request for a plan, read in whatever form it comes (`readPlanReply`). JSON that was begun
 * but is broken is retried by the retry layer, like any garbled reply, unless the reply's output
 * limit cut it (asked again, it would be cut again); a reply in no readable
 * form, or JSON still broken when the retries ran out, is returned as read, for the planner to
 * decide. A server that refuses structured output (400 or 422) is asked again in lines. Throws
 * `ModelCallError` when the call itself fails.
 */
export async function requestPlan(request: PlanRequest): Promise<PlanRequestResult> {
  try {
    return await ask(request);
  } catch (error) {
    const refused =
      error instanceof ModelCallError &&
      error.reason === 'errorNotRetryable' &&
      (error.statusCode === 400 || error.statusCode === 422);
    if (request.format !== 'json' || !refused) throw error;
    return { ...(await ask({ ...request, format: 'lines' })), refusedStatus: error.statusCode };
  }
}

async function ask({
  task,
  call,
  format,
  sectionCount,
  feedback,
}: PlanRequest): Promise<PlanRequestResult> {
  const answerForm = await renderPrompt({ name: `plan-answer-${format}`, variables: {} });
  const prompt = await renderPrompt({
    name: 'plan-document',
    variables: {
      request: task.prompt,
      words: task.words,
      sectionCount,
      language: languageName(task.lang),
      requirements:
        task.requirements.map((each) => `- ${each.id}: ${each.text}`).join('\n') || '- none',
      feedback,
      answerForm: answerForm.prompt,
    },
  });
  try {
    const reply = await callAndRead({
      ...call,
      ...prompt,
      output:
        format === 'json' ? Output.object({ schema: DraftPlanSchema, name: 'plan' }) : undefined,
      read: ({ text, usage, finishReason }) => {
        const read = readPlanReply(text);
        const excerpt = text.slice(0, 200);
        if (read.ok || read.problem !== 'invalidJson') return { read, excerpt };
        // Cut at the output limit: the same request would be cut again, so the planner asks
        // for the shorter form instead of the retry layer repeating it.
        if (finishReason === 'length') return { read: cutPlan(read.message), excerpt };
        throw new ModelOutputError({
          message: read.message,
          problem: 'invalidJson',
          excerpt,
          usage,
        });
      },
    });
    return { ...reply.value, usage: reply.usage, format };
  } catch (error) {
    const cause = error instanceof ModelCallError ? error.cause : undefined;
    if (!(cause instanceof ModelOutputError && cause.problem === 'invalidJson')) throw error;
    const read = { ok: false, problem: 'invalidJson', message: cause.message } as const;
    return { read, usage: emptyUsage, excerpt: cause.excerpt ?? '', format };
  }
}

/** A plan whose JSON the reply's output limit cut off, as read. */
function cutPlan(message: string): ReadPlanReplyResult {
  return {
    ok: false,
    problem: 'invalidJson',
    message: `${message}: the reply reached its output limit before the plan ended, so keep every section's line short`,
  };
}
