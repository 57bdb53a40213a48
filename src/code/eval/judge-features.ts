import { z } from 'zod';
import { ModelCallError } from '../../errors/model-call-error.js';
import { callObject } from '../../model/call-object.js';
import type { CallSettings } from '../../model/call-settings.js';
import { addUsage, type CallUsage, emptyUsage } from '../../model/usage-meter.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import type { ChecklistItem } from './parse-checklist.js';

/** The judge's verdict on one checklist item. `implemented: null`: no usable verdict. */
export interface FeatureVerdict {
  id: string;
  text: string;
  implemented: boolean | null;
  evidence: string;
}

const VerdictsSchema = z.object({
  items: z.array(z.object({ id: z.string(), evidence: z.string(), implemented: z.boolean() })),
});

/**
 * Asks the judge model, a batch of items at a time, which checklist items the code implements.
 * Items the judge skipped are asked once more; a batch whose call fails is recorded, not thrown.
 * Items still without a verdict are `implemented: null`, counted by the caller, never dropped
 * silently. An abort propagates.
 */
export async function judgeFeatures({
  judge,
  items,
  code,
  batchSize = 12,
}: {
  judge: CallSettings;
  items: ChecklistItem[];
  /** The codebase as one text (see `renderCodebase`). */
  code: string;
  batchSize?: number;
}): Promise<{ verdicts: FeatureVerdict[]; usage: CallUsage; calls: number; problems: string[] }> {
  const decided = new Map<string, { implemented: boolean; evidence: string }>();
  const problems: string[] = [];
  let usage = emptyUsage;
  let calls = 0;
  const ask = async (batch: ChecklistItem[]) => {
    const { system, prompt } = await renderPrompt({
      name: 'code-features-judge',
      variables: { checklist: batch.map((each) => `${each.id}: ${each.text}`).join('\n'), code },
    });
    try {
      calls++;
      const answer = await callObject({
        ...judge,
        schema: VerdictsSchema,
        schemaName: 'feature_verdicts',
        system,
        prompt,
        temperature: 0,
      });
      usage = addUsage(usage, answer.usage);
      const wanted = new Set(batch.map((each) => each.id));
      for (const verdict of answer.object.items) {
        const id = verdict.id.trim();
        if (wanted.has(id) && !decided.has(id))
          decided.set(id, { implemented: verdict.implemented, evidence: verdict.evidence });
      }
    } catch (error) {
      if (error instanceof ModelCallError && error.reason === 'abort') throw error;
      problems.push(
        `the judge failed on ${batch.map((each) => each.id).join(', ')}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  for (let start = 0; start < items.length; start += batchSize)
    await ask(items.slice(start, start + batchSize));
  const skipped = items.filter((each) => !decided.has(each.id));
  for (let start = 0; start < skipped.length; start += batchSize)
    await ask(skipped.slice(start, start + batchSize));
  const verdicts = items.map((each): FeatureVerdict => {
    const verdict = decided.get(each.id);
    return {
      id: each.id,
      text: each.text,
      implemented: verdict?.implemented ?? null,
      evidence: verdict?.evidence ?? 'no verdict from the judge',
    };
  });
  return { verdicts, usage, calls, problems };
}
