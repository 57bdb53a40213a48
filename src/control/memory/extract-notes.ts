/**
 * Notes taken from a section by rule, when no model wrote any: the sentences that carry figures
 * or names (the facts later sections most often contradict), else the opening sentence. Each is
 * cut to `maxWords` words. Pure.
 */
export function extractNotes({
  text,
  maxNotes = 3,
  maxWords = 30,
}: {
  text: string;
  maxNotes?: number;
  maxWords?: number;
}): string[] {
  const sentences = text
    .replace(/^#+\s.*$/gm, '')
    .split(/(?<=[.!?。！？])\s+/)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.length > 20);
  const factual = sentences.filter(
    (sentence) => /\d/.test(sentence) || /\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)+/.test(sentence),
  );
  const chosen = (factual.length > 0 ? factual : sentences).slice(0, maxNotes);
  return chosen.map((sentence) => {
    const words = sentence.split(' ');
    return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : sentence;
  });
}
