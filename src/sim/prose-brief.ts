import { defectNamedBy } from './defect-kind.js';
import { findRequestedLength } from './requested-length.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimMessage } from './sim-request.js';
import { extractTopicWords, type TopicWords } from './topic-words.js';

/** What a prose reply will look like, read from the request. */
export interface ProseBrief {
  language: 'english' | 'chinese';
  /** Words to write (characters for Chinese), after noise and the ceiling. */
  length: number;
  /** The length the prompt asked for, or undefined when it named none. */
  requested: number | undefined;
  /** True when the prompt asks for Markdown or headings. */
  markdown: boolean;
  topicWords: TopicWords;
  /** Paragraphs of the prompt that repetition injection may copy. */
  promptParagraphs: string[];
}

const asksForMarkdown = /markdown|\bheadings?\b|\bheaders?\b|^#{1,6}\s|标题/im;
const refusesMarkdown =
  /\b(?:no|not|never|without|avoid|don't|do not)\b[^.\n]{0,30}\b(?:markdown|headings?|headers?)\b|不要[^。\n]{0,10}标题/i;

/**
 * Reads the length, language, format and topic of a prose reply from the messages. The length
 * comes from the last user message that names one (the last phrase in it), else the system
 * message, else `defaultLength` (or `fixed`, when set, whatever was asked); then × a noise
 * factor in [1 − noise, 1 + noise], capped at `ceiling`, a cap that itself shrinks by `shrink`
 * for every 1,000 `promptTokens`. Pure apart from the draw from `random`.
 */
export function readProseBrief({
  messages,
  random,
  defaultLength,
  noise,
  ceiling,
  fixed,
  shrink = 0,
  promptTokens = 0,
}: {
  messages: readonly SimMessage[];
  random: SeededRandom;
  defaultLength: number;
  noise: number;
  ceiling: number;
  /** A length every reply keeps, ignoring the one asked (a model that does not follow it). */
  fixed?: number | undefined;
  /** Share of the ceiling lost per 1,000 prompt tokens (a model that tires as the conversation grows). */
  shrink?: number;
  promptTokens?: number;
}): ProseBrief {
  const users = messages.filter((message) => message.role === 'user');
  const systems = messages.filter((message) => message.role === 'system');
  const lastUser = users[users.length - 1]?.text ?? '';
  const found = [...users]
    .reverse()
    .concat(systems)
    .map((message) => findRequestedLength(message.text))
    .find(Boolean);

  const cjk = lastUser.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const letters = lastUser.match(/[A-Za-z]/g)?.length ?? 0;
  const language = found
    ? found.unit === 'characters'
      ? 'chinese'
      : 'english'
    : cjk > letters
      ? 'chinese'
      : 'english';
  const requested = found?.count;
  const factor = noise > 0 ? random.between(1 - noise, 1 + noise) : 1;
  const wanted = fixed ?? requested ?? defaultLength;
  const limit = ceiling * (1 - shrink) ** (promptTokens / 1_000);
  const length = Math.max(1, Math.round(Math.min(limit, wanted * factor)));

  const instructions = [...systems.map((message) => message.text), lastUser].join('\n');
  const markdown = asksForMarkdown.test(instructions) && !refusesMarkdown.test(instructions);
  const promptParagraphs = messages
    .filter((message) => message.role !== 'system')
    .flatMap((message) => message.text.split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
    .filter(
      (paragraph) =>
        paragraph.split(/\s+/).length >= 12 ||
        (paragraph.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 20,
    );

  return {
    language,
    length,
    requested,
    markdown,
    topicWords: extractTopicWords(topicText(users.map((message) => message.text).join('\n'))),
    promptParagraphs,
  };
}

/**
 * The text a reply's topic is read from. A reviser told that the text it replaces is off its
 * brief writes from the brief, not from that text: the current text's subject is left out.
 */
function topicText(userText: string): string {
  return defectNamedBy['off-brief'].test(userText)
    ? userText.replace(/<current-text>[\s\S]*?<\/current-text>/g, '')
    : userText;
}
