import { generateProse } from './generate-prose.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimMessage } from './sim-request.js';
import type { ThinkingForm } from './thinking-form.js';
import { extractTopicWords } from './topic-words.js';

/**
 * The thinking a simulated reasoning model sends before its answer, exactly as it goes out: in
 * `tags` form wrapped in `<think>…</think>` and a blank line, as the start of the content;
 * otherwise bare, for a separate delta field. `words` of English placeholder prose on the
 * prompt's topic, drawn from its own random stream so the answer after it is the same as
 * without thinking. A low reasoning effort thinks a quarter as much, `minimal` or `none` not at
 * all. Empty when `form` is `off`. Pure.
 */
export function composeThinking({
  form,
  words,
  reasoningEffort,
  messages,
  random,
}: {
  form: ThinkingForm;
  words: number;
  reasoningEffort: string | undefined;
  messages: readonly SimMessage[];
  random: SeededRandom;
}): string {
  const length =
    reasoningEffort === 'minimal' || reasoningEffort === 'none'
      ? 0
      : reasoningEffort === 'low'
        ? Math.ceil(words / 4)
        : words;
  if (form === 'off' || length === 0) return '';
  const userText = messages
    .filter((message) => message.role === 'user')
    .map((message) => message.text)
    .join('\n');
  const thinking = generateProse({
    brief: {
      language: 'english',
      length,
      requested: length,
      markdown: false,
      topicWords: extractTopicWords(userText),
      promptParagraphs: [],
    },
    random,
  });
  return form === 'tags' ? `<think>\n${thinking}\n</think>\n\n` : thinking;
}
