/**
 * How long to write, in the document's language and unit: Chinese lengths are counted in
 * characters (LongBench-Write's unit), everything else in words. The number comes last so that
 * models (and the simulated model) read it as the length of this reply. Pure.
 */
export function lengthDirective({
  words,
  lang,
  verb = 'Write this section',
}: {
  words: number;
  lang: string;
  verb?: string;
}): string {
  return lang.startsWith('zh')
    ? `${verb} in Chinese, about ${words} Chinese characters (约${words}字).`
    : `${verb} in ${languageName(lang)}, about ${words} words.`;
}

/** English name of a language tag, for prompts. */
export function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
