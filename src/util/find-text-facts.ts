/** What a plain reading of a text finds: names, figures and open questions. */
export interface TextFacts {
  /** Capitalised names, most mentioned first. */
  names: string[];
  /** Per name (in the order of `names`), up to two sentences that state a figure about it. */
  figuresAbout: Array<{ name: string; sentences: string[] }>;
  /** Sentences that state a figure (a digit), in order. */
  figures: string[];
  /** Sentences that ask a question, in order. */
  questions: string[];
  /** Every sentence, headings left out, spaces collapsed. */
  sentences: string[];
}

const nameWord = /^\p{Lu}[\p{Ll}\p{N}'’-]+$/u;

/**
 * Reads a text for the facts a continuity ledger keeps, by rule: names (capitalised words or
 * runs of them; a sentence's first word only when a name follows it), sentences with figures, and questions. The fallback
 * when no model keeps the ledger, and what a simple reader would find. Pure.
 */
export function findTextFacts({ text }: { text: string }): TextFacts {
  const sentences = text
    .replace(/^#+\s.*$/gm, '')
    .split(/(?<=[.!?。！？])\s+/)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.length > 3);
  const counts = new Map<string, number>();
  for (const sentence of sentences) {
    const words = sentence
      .split(' ')
      .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
    let run: string[] = [];
    const close = () => {
      if (run.length > 0) counts.set(run.join(' '), (counts.get(run.join(' ')) ?? 0) + 1);
      run = [];
    };
    // A sentence's first word is capitalised anyway: it counts only when a name follows it.
    words.forEach((word, index) => {
      const opensName = index > 0 || nameWord.test(words[1] ?? '');
      if (opensName && nameWord.test(word)) run.push(word);
      else close();
    });
    close();
  }
  const names = [...counts.entries()]
    .sort((left, right) => right[1] - left[1])
    .map(([name]) => name);
  const figures = sentences.filter((sentence) => /\p{N}/u.test(sentence));
  return {
    names,
    figuresAbout: names.map((name) => ({
      name,
      sentences: figures.filter((sentence) => sentence.includes(name)).slice(0, 2),
    })),
    figures,
    questions: sentences.filter((sentence) => /[?？]$/.test(sentence)),
    sentences,
  };
}
