/**
 * Guesses the language the answer should be written in: an explicit request ("in English",
 * "用英文", "in Chinese", "用中文") wins; otherwise Chinese when the request has at least as many
 * CJK characters as Latin words (one character carries about one word), else English. Pure.
 */
export function detectLanguage(prompt: string): 'en' | 'zh' {
  if (/用英文|英文(?:写|撰写|回答)|\bin English\b/i.test(prompt)) return 'en';
  if (/用中文|中文(?:写|撰写|回答)|\bin (?:Chinese|Mandarin)\b/i.test(prompt)) return 'zh';
  const cjk = prompt.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const words = prompt.match(/[A-Za-z]+/g)?.length ?? 0;
  return cjk > 0 && cjk >= words ? 'zh' : 'en';
}
