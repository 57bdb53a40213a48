/**
 * Characters that show nothing: zero-width spaces and joiners, the word joiner, byte-order
 * marks, soft hyphens, bidirectional marks, embeddings and isolates, the Mongolian vowel
 * separator and variation selectors.
 */
const invisible =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each character is removed on its own.
  /[\u00ad\u034f\u061c\u115f\u1160\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/gu;

/**
 * The text as a reader sees it: invisible characters removed and white space trimmed. A request
 * that is empty once this is done asks for nothing, however many bytes it holds. Pure.
 */
export function visibleText(text: string): string {
  return text.replace(invisible, '').trim();
}
