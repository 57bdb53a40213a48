/**
 * How the records of an instructions file are laid out: `messages` (chat turns with `role` and
 * `content`), `alpaca` (`instruction`, `input`, `output`), `sharegpt` (`conversations` of turns
 * with `from` and `value`) or `prompt` (a plain `{"prompt": …}`).
 */
export type SftInputFormat = 'messages' | 'alpaca' | 'sharegpt' | 'prompt';

/** The input formats, in the order detection tries them. */
export const sftInputFormats: readonly SftInputFormat[] = [
  'messages',
  'sharegpt',
  'alpaca',
  'prompt',
];
