/**
 * How a record is laid out: `messages` (chat turns, as LongWriter-6k), `alpaca`
 * (instruction / input / output) or `sharegpt` (conversations of human and gpt turns).
 */
export type SftFormat = 'messages' | 'alpaca' | 'sharegpt';

/** The formats, for flags and suite files. */
export const sftFormats: readonly SftFormat[] = ['messages', 'alpaca', 'sharegpt'];

/**
 * What `quire sft --format` writes: one SFT record per instruction in an `SftFormat`, or `dpo`:
 * chosen/rejected preference pairs, several per instruction (see `PreferenceRecord`).
 */
export type SftOutputFormat = SftFormat | 'dpo';
