import { answerLedgerUpdate, isLedgerUpdateSchema } from './answer-ledger-update.js';
import { generateProse } from './generate-prose.js';
import { malformJson } from './malform-json.js';
import { planAsSim } from './plan-as-sim.js';
import type { PlanDefectKind } from './plan-defect-kind.js';
import type { PlantedPlanDefect } from './plant-plan-defects.js';
import { asksForPlanRevision, revisePlanAsSim } from './revise-plan-as-sim.js';
import { schemaValue } from './schema-value.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimPlanFormat } from './sim-options.js';
import type { SimReply } from './sim-reply.js';
import type { JsonSchema } from './sim-request.js';
import type { TopicWords } from './topic-words.js';
import { planListName, writePlanAsText } from './write-plan-as-text.js';

/**
 * The reply to a request for JSON: a value valid against the schema, malformed under the
 * bad-json fault. A plan (a schema listing sections with word counts) is written in
 * `planFormat` instead when that is not `json`, as by a model behind a server without JSON mode:
 * as AgentWrite lines, a heading outline, a numbered list, or prose with no structure at all.
 * A fact-ledger update is read from the section in `prompt` (`answerLedgerUpdate`). A plan asked
 * for with a request in the prompt is planned from it (`planAsSim`, planting `planDefects`),
 * or revised against the findings the prompt lists (`revisePlanAsSim`).
 * Pure apart from the draws.
 */
export function answerJsonRequest({
  schema,
  planFormat,
  fault,
  topicWords,
  random,
  prompt = '',
  seed = 0,
  planDefects = [],
}: {
  schema: JsonSchema | undefined;
  /** The request's user text, which some answers are read from. */
  prompt?: string;
  planFormat: SimPlanFormat;
  fault: SimReply['fault'];
  topicWords: TopicWords;
  random: (label: string) => SeededRandom;
  seed?: number;
  /** The plan defects to plant in a first plan. */
  planDefects?: readonly PlanDefectKind[];
}): { text: string; plantedInPlan?: PlantedPlanDefect[] } {
  if (isLedgerUpdateSchema(schema)) {
    const text = answerLedgerUpdate({ prompt });
    return { text: fault === 'bad-json' ? malformJson({ text, random: random('malform') }) : text };
  }
  const list = planListName(schema);
  const planned =
    list === 'sections' && prompt.includes('<request>')
      ? asksForPlanRevision(prompt)
        ? { value: revisePlanAsSim({ prompt, seed }), planted: [] }
        : planAsSim({ prompt, seed, kinds: planDefects })
      : undefined;
  const value =
    planned?.value ?? schemaValue({ schema, random: random('json'), topics: topicWords.english });
  const plantedInPlan =
    planned && planned.planted.length > 0 ? { plantedInPlan: planned.planted } : {};
  if (planFormat === 'json' || list === undefined) {
    const text = JSON.stringify(value);
    return {
      text: fault === 'bad-json' ? malformJson({ text, random: random('malform') }) : text,
      ...plantedInPlan,
    };
  }
  if (planFormat !== 'prose') {
    return { text: writePlanAsText({ value, list, form: planFormat }), ...plantedInPlan };
  }
  const text = generateProse({
    brief: {
      language: 'english',
      length: 80,
      requested: 80,
      markdown: false,
      topicWords,
      promptParagraphs: [],
    },
    random: random('plan-prose'),
  });
  return { text };
}
