import { estimateTokens } from '../util/estimate-tokens.js';
import { answerJsonRequest } from './answer-json-request.js';
import { asksForSeamCheck, checkSeamsAsSim } from './check-seams-as-sim.js';
import { chooseToolCall } from './choose-tool-call.js';
import {
  asksForMarkedNote,
  asksForThinkNote,
  composeThinkNote,
  readNoteAvoid,
} from './compose-think-note.js';
import { composeThinking } from './compose-thinking.js';
import { asksForPlanCritique, critiqueAsSim } from './critique-as-sim.js';
import { generateProse } from './generate-prose.js';
import { findGivenTitle } from './given-title.js';
import { hashParts } from './hash-parts.js';
import { markThinkNote } from './mark-think-note.js';
import { messagesForAnalysis } from './messages-for-analysis.js';
import { type PlantedDefect, plantDefect } from './plant-defect.js';
import type { PlantedPlanDefect } from './plant-plan-defects.js';
import { plantSeam } from './plant-seam.js';
import { readProseBrief } from './prose-brief.js';
import { asksForReview, reviewAsSim } from './review-as-sim.js';
import { schemaValue } from './schema-value.js';
import { createSeededRandom } from './seeded-random.js';
import type { SimOptions } from './sim-options.js';
import type { SimReply } from './sim-reply.js';
import type { SimRequest } from './sim-request.js';
import { splitIntoDeltas } from './split-into-deltas.js';
import { extractTopicWords } from './topic-words.js';
import { wrapInHabits } from './wrap-in-habits.js';
import { linePlanSchema, writePlanAsText } from './write-plan-as-text.js';

/** A request that spells out plan lines as a template: "… - Main Point: <…> - Word Count: <…>". */
const asksForPlanLines = /main point:\s*<[^>\n]*>\s*-\s*word count:\s*</i;

/**
 * Decides the whole reply to a request: the thinking before it (when `think` is on), then a tool
 * call, a plan critique read from the prompt, JSON for a schema (or a plan in the form of
 * `planFormat`, with the `planDefects` planted in a first plan), plan lines when asked for
 * them, or prose in the habits of the chatter, echo-heading and fence knobs; then the fault it
 * carries, the cut at `maxOutputTokens` (thinking counts toward it, as with real models), the
 * stream pieces and the usage. What is said depends only on the seed and the prompt (never on
 * the attempt), so a retry that gets through says the same as the first success would have.
 * Pure.
 */
export function composeReply({
  request,
  prompt,
  options,
  attempt,
  fault,
  cachedInputTokens,
  promptTokens = estimateTokens(prompt),
}: {
  request: SimRequest;
  /** The request written out by `renderSimPrompt`. */
  prompt: string;
  options: SimOptions;
  attempt: number;
  fault: SimReply['fault'];
  cachedInputTokens: number;
  /** The prompt tokens to report; the prompt's own count unless a server says otherwise. */
  promptTokens?: number;
}): SimReply {
  // The caller's seed, when given, varies the reply like the model's own seed does.
  const stream = (label: string) =>
    createSeededRandom([options.seed, request.seed ?? 'no-seed', label, prompt]);
  const messages = messagesForAnalysis(request.messages);
  const userText = messages
    .filter((message) => message.role === 'user')
    .map((message) => message.text)
    .join('\n');
  const topicWords = extractTopicWords(userText);
  const topics = topicWords.english;

  const toolCall = chooseToolCall({
    tools: request.tools,
    toolChoice: request.toolChoice,
    random: stream('tool'),
    topics,
  });
  let text = '';
  let planted: PlantedDefect | undefined;
  let plantedInPlan: PlantedPlanDefect[] | undefined;
  const lastUser = messages.filter((message) => message.role === 'user').at(-1)?.text ?? '';
  // A reader of a document (reviewer, seam checker) reads every word, not just the prompt's ends.
  const wholeUserText = () =>
    request.messages
      .filter((message) => message.role === 'user')
      .map((message) => message.text)
      .join('\n');
  if (toolCall === undefined && asksForSeamCheck(request.responseFormat)) {
    // A seam checker's request: read the joins in the prompt, as a real model would.
    text = JSON.stringify(checkSeamsAsSim({ prompt: wholeUserText() }));
  } else if (toolCall === undefined && asksForReview(request.responseFormat)) {
    // A reviewer's request: read the document in the prompt, as a real model would.
    text = JSON.stringify(reviewAsSim({ prompt: wholeUserText() }));
  } else if (toolCall === undefined && asksForPlanCritique(request.responseFormat)) {
    // A plan critic's request: read the request and the plan in the prompt.
    text = JSON.stringify(critiqueAsSim({ prompt: lastUser }));
  } else if (toolCall === undefined && request.responseFormat.type === 'json') {
    const answer = answerJsonRequest({
      schema: request.responseFormat.schema,
      planFormat: options.planFormat,
      fault,
      topicWords,
      random: stream,
      prompt: lastUser,
      seed: options.seed,
      planDefects: options.planDefects,
    });
    text = answer.text;
    plantedInPlan = answer.plantedInPlan;
  } else if (toolCall === undefined && asksForPlanLines.test(lastUser)) {
    // Asked for a plan in lines, spelled out: the form a model follows even without JSON mode.
    const value = schemaValue({ schema: linePlanSchema, random: stream('json'), topics });
    text = writePlanAsText({ value, list: 'sections', form: 'titled-lines' });
  } else if (toolCall === undefined && asksForThinkNote.test(lastUser)) {
    // Asked to plan a section before writing it: the note, from the section's prompt alone.
    text = composeThinkNote({ prompt: lastUser });
  } else if (toolCall === undefined) {
    // Asked to plan in the same reply: the note is written first, and the section follows it.
    const markedNote = asksForMarkedNote.test(lastUser)
      ? composeThinkNote({ prompt: lastUser })
      : undefined;
    const brief = readProseBrief({
      messages,
      random: stream('length'),
      defaultLength: options.words,
      noise: options.noise,
      ceiling: options.ceiling,
      fixed: options.fixed,
      shrink: options.shrink,
      promptTokens: estimateTokens(prompt),
    });
    const given = findGivenTitle(lastUser);
    const prose = plantDefect({
      text: generateProse({ brief, random: stream('prose'), repeat: options.repeat }),
      brief,
      section: given?.title,
      sectionBrief: /^What it must cover:\s*(.+)$/m.exec(lastUser)?.[1],
      requestText: messages.map((message) => message.text).join('\n'),
      seed: options.seed,
      requestSeed: request.seed,
      rate: options.defects,
      kinds: options.defectKinds,
      // The note the section is written from: its own (marked), or the one the prompt gives.
      avoid: readNoteAvoid(markedNote ?? lastUser),
    });
    // A section given a planted defect keeps its opening: one planted problem per reply.
    const seamed = prose.planted
      ? prose
      : plantSeam({
          text: prose.text,
          prompt: userText,
          section: given?.title,
          topic: topics.slice(0, 2).join(' and '),
          seed: options.seed,
          rate: options.seams,
        });
    planted = prose.planted ?? seamed.planted;
    text = wrapInHabits({
      text: seamed.text,
      language: brief.language,
      given,
      rates: options,
      random: stream('habits'),
    });
    if (markedNote !== undefined) {
      text = markThinkNote({
        note: markedNote,
        text,
        slip: options.noteSlip,
        random: stream('note-slip'),
      });
    }
  }
  const toolCalls = toolCall !== undefined && fault !== 'empty' ? [toolCall] : [];
  if (fault === 'empty') text = '';

  const thinking = splitIntoDeltas(
    composeThinking({
      form: options.think,
      words: options.thinkWords,
      reasoningEffort: request.reasoningEffort,
      messages: request.messages,
      random: stream('think'),
    }),
  );
  let deltas = [...thinking, ...splitIntoDeltas(toolCalls[0]?.input ?? text)];
  let finishReason: SimReply['finishReason'] = toolCalls.length > 0 ? 'tool-calls' : 'stop';
  // A tool call's name is output too, as providers bill it.
  const overhead = toolCalls[0] ? estimateTokens(toolCalls[0].toolName) : 0;
  if (
    request.maxOutputTokens !== undefined &&
    overhead + estimateTokens(deltas.join('')) > request.maxOutputTokens
  ) {
    deltas = deltas.slice(0, fittingDeltas(deltas, request.maxOutputTokens - overhead));
    finishReason = 'length';
  }
  const sent = deltas.join('');
  const thinkingDeltas = Math.min(thinking.length, deltas.length);
  const thought = deltas.slice(0, thinkingDeltas).join('');
  const answer = deltas.slice(thinkingDeltas).join('');
  if (toolCalls[0]) toolCalls[0] = { ...toolCalls[0], input: answer };
  else text = answer;

  const outputTokens = overhead + estimateTokens(sent);
  // Tokens shared out over the deltas by characters, so pacing at `tps` and the reported usage
  // agree exactly at the end of the stream.
  let characters = 0;
  const tokensAfter = deltas.map((delta) => {
    characters += delta.length;
    return (
      overhead + Math.round(((outputTokens - overhead) * characters) / Math.max(1, sent.length))
    );
  });
  const cutRandom = stream(`cut:${attempt}`);
  return {
    id: `chatcmpl-${hashParts([options.seed, request.seed ?? 'no-seed', prompt, attempt])
      .toString('hex')
      .slice(0, 24)}`,
    fault,
    text: toolCalls.length > 0 ? '' : text,
    thinking: thought,
    thinkingForm: options.think,
    thinkingDeltas,
    toolCalls,
    deltas,
    tokensAfter,
    finishReason,
    usage: {
      inputTokens: promptTokens,
      cachedInputTokens,
      outputTokens,
      // Servers that parse the thinking out report its tokens; those that leave it in the
      // content do not.
      reasoningTokens: options.think === 'tags' ? 0 : estimateTokens(thought),
    },
    ...(planted ? { planted } : {}),
    ...(plantedInPlan ? { plantedInPlan } : {}),
    cutAfter:
      fault === 'cut'
        ? Math.max(1, Math.floor(deltas.length * cutRandom.between(0.2, 0.8)))
        : undefined,
  };
}

/** How many leading deltas fit in `maxTokens`, found by bisection over the token estimate. */
function fittingDeltas(deltas: readonly string[], maxTokens: number): number {
  let low = 0;
  let high = deltas.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (estimateTokens(deltas.slice(0, middle).join('')) <= maxTokens) low = middle;
    else high = middle - 1;
  }
  return low;
}
