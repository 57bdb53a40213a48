import { ContextOverflowError } from '../../errors/context-overflow-error.js';
import { ModelCallError } from '../../errors/model-call-error.js';
import { ModelOutputError } from '../../errors/model-output-error.js';
import { callObject } from '../../model/call-object.js';
import type { CallSettings } from '../../model/call-settings.js';
import { type CallUsage, emptyUsage } from '../../model/usage-meter.js';
import type { Plan } from '../../planner/plan-schema.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import { extractLedgerUpdate } from './extract-ledger-update.js';
import type { Ledger } from './ledger-schema.js';
import { LedgerUpdateSchema } from './ledger-update-schema.js';
import { mergeLedgerUpdate } from './merge-ledger-update.js';

/** Who keeps the ledger: one structured model call per section, or a reading by rule. */
export type LedgerMode = 'model' | 'rule';

/** A ledger after one section, and how it was kept. */
export interface UpdateLedgerResult {
  ledger: Ledger;
  usage: CallUsage;
  /** `rule` also when the model's reply could not be used. */
  source: 'model' | 'rule';
}

/**
 * Adds a finished section to the ledger. In `model` mode one structured call reads the section
 * (with the open threads and the sections still to come); a reply that stays unusable after the
 * retries falls back to the reading by rule, with its tokens still counted, since a lost ledger
 * entry should not stop a run that wrote its section; so does a prompt the context window
 * cannot hold. In `rule` mode the writer's notes and a
 * reading by rule are used, with no call.
 */
export async function updateLedger({
  ledger,
  plan,
  index,
  text,
  notes = [],
  mode,
  call,
}: {
  ledger: Ledger;
  plan: Plan;
  index: number;
  text: string;
  notes?: string[];
  mode: LedgerMode;
  call?: CallSettings;
}): Promise<UpdateLedgerResult> {
  const section = plan.sections[index]!;
  const merge = (update: Parameters<typeof mergeLedgerUpdate>[0]['update']) =>
    mergeLedgerUpdate({
      ledger,
      sectionId: section.id,
      update,
      sectionIds: plan.sections.map((each) => each.id),
    });
  const byRule = (usage: CallUsage): UpdateLedgerResult => ({
    ledger: merge(extractLedgerUpdate({ text, notes })),
    usage,
    source: 'rule',
  });
  if (mode === 'rule' || call === undefined) return byRule(emptyUsage);
  const open = ledger.threads.filter((thread) => thread.resolvedIn === undefined);
  const later = plan.sections.slice(index + 1, index + 13);
  const prompt = await renderPrompt({
    name: 'update-ledger',
    variables: {
      sectionId: section.id,
      sectionTitle: section.title,
      text,
      openThreads: open.length > 0 ? open.map((thread) => `- ${thread.text}`).join('\n') : '(none)',
      laterSections:
        later.length > 0
          ? later.map((each) => `- ${each.id}: ${each.title}`).join('\n')
          : '(this is the last section)',
    },
  });
  try {
    const reply = await callObject({
      ...call,
      ...prompt,
      schema: LedgerUpdateSchema,
      schemaName: 'ledger_update',
      maxOutputTokens: 1200,
    });
    return { ledger: merge(reply.object), usage: reply.usage, source: 'model' };
  } catch (error) {
    // A section too long for the window beside the ledger's instructions is read by rule.
    if (error instanceof ContextOverflowError) return byRule(error.usage ?? emptyUsage);
    const unusable = error instanceof ModelOutputError ? error : unusableCause(error);
    if (!unusable) throw error;
    return byRule(unusable.usage ?? emptyUsage);
  }
}

/** The unusable reply behind a call that failed only because its replies could not be read. */
function unusableCause(error: unknown): ModelOutputError | undefined {
  return error instanceof ModelCallError && error.cause instanceof ModelOutputError
    ? error.cause
    : undefined;
}
