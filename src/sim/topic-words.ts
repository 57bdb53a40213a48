import { wordList } from './word-list.js';

/** The words of a prompt that the placeholder prose weaves in, so it reads as on-topic. */
export interface TopicWords {
  /** English content words, most frequent first; proper nouns keep their capital. */
  english: string[];
  /** Two-character Chinese words taken from the prompt. */
  chinese: string[];
}

// Function words and the vocabulary of instructions: they say how to write, not what about.
const stopWords = new Set(
  wordList(`
  about above across after again against also although among another anything around away
  because been before being below between both cannot could does doing down during each either
  else enough even ever every from further have having here hers herself himself into itself just
  least less like made make many more most much must need neither never none only other others
  ought over own perhaps please quite rather really same shall should since some such than that
  their theirs them themselves then there these they thing things this those though through thus
  together under until upon very want well were what whatever when where whether which while whom
  whose will with within without would your yours yourself write writes writing written wrote word
  words essay essays article articles story piece include includes including section sections
  paragraph paragraphs chapter chapters part parts markdown heading headings header headers title
  titles length approximately approx roughly least total count characters character text texts
  response responses reply replies answer format json output outputs return returns respond user
  users assistant system instruction instructions task tasks plan plans outline outlines brief
  budget target main point points introduction conclusion summary summarize summarise continue
  previous next following current draft drafts revise rewrite expand condense sure note notes keep
  avoid give provide describe explain discuss create generate produce compose document documents
  content contents style tone language english chinese reader readers model models using used
  given based detailed long longer short shorter first second third last final begin start end
  number numbers list lists item items example examples field fields value values schema object
  objects array string strings boolean something found finished defect defects review reviewer fix
`),
);

const chineseInstruction =
  /请你|请|帮我|写一篇|写一个|写一份|一篇|一份|关于|文章|内容|要求|字数|不少于|不超过|左右|大约|至少|以上|以内|个字|汉字|字|篇|写|的|了|和|与|或|是|在|为|并|及|等|中|有|要|你|我|他|她|它|们|这|那|一|个|用|从|对|把|被|将|就|都|也|还|很/g;

/** Extracts topic words from the text of a prompt. Pure. */
export function extractTopicWords(text: string): TopicWords {
  return { english: englishTopicWords(text), chinese: chineseTopicWords(text) };
}

function englishTopicWords(text: string): string[] {
  const seen = new Map<
    string,
    { count: number; capitalised: number; other: number; acronym: boolean }
  >();
  const pattern = /(?<![\p{L}\p{N}_])[A-Za-z]{4,}(?![\p{L}\p{N}_])/gu;
  for (const match of text.matchAll(pattern)) {
    const word = match[0];
    const lower = word.toLowerCase();
    if (stopWords.has(lower)) continue;
    const entry = seen.get(lower) ?? { count: 0, capitalised: 0, other: 0, acronym: false };
    entry.count += 1;
    entry.acronym ||= /^[A-Z]+$/.test(word);
    // Only a capital away from the start of a sentence says "proper noun".
    const before = text.slice(Math.max(0, match.index - 3), match.index);
    const sentenceStart = match.index === 0 || /[.!?:\n#]\s*$/.test(before);
    if (!sentenceStart) {
      if (/^[A-Z][a-z]+$/.test(word)) entry.capitalised += 1;
      else entry.other += 1;
    }
    seen.set(lower, entry);
  }
  return [...seen.entries()]
    .sort((left, right) => right[1].count - left[1].count)
    .slice(0, 40)
    .map(([lower, entry]) => {
      if (entry.acronym) return lower.toUpperCase();
      const proper = entry.capitalised > 0 && entry.other === 0;
      return proper ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    });
}

function chineseTopicWords(text: string): string[] {
  const found = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (const piece of run.replace(chineseInstruction, ' ').split(' ')) {
      for (let index = 0; index + 2 <= piece.length; index += 2) {
        found.add(piece.slice(index, index + 2));
      }
    }
  }
  return [...found].slice(0, 40);
}
