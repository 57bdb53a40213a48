import { alpacaLayout } from './alpaca-layout.js';
import { messagesLayout } from './messages-layout.js';
import { promptLayout } from './prompt-layout.js';
import type { SftInputFormat } from './sft-input-format.js';
import type { SftInputLayout, SftInputRow } from './sft-input-layout.js';
import { sharegptLayout } from './sharegpt-layout.js';

/** Every input layout, in the order detection tries them (the most specific first). */
export const sftInputLayouts: readonly SftInputLayout[] = [
  messagesLayout,
  sharegptLayout,
  alpacaLayout,
  promptLayout,
];

/** The layout of an input format. Pure. */
export function sftInputLayout(format: SftInputFormat): SftInputLayout {
  const layout = sftInputLayouts.find((each) => each.format === format);
  if (layout === undefined) throw new Error(`No input layout for ${format}`);
  return layout;
}

/** The first layout a row has the shape of; undefined if none. Pure. */
export function detectSftInputLayout({
  row,
  promptField,
}: {
  row: SftInputRow;
  /** The field named by `--prompt-field`, which then holds the instruction in every layout. */
  promptField?: string;
}): SftInputLayout | undefined {
  return sftInputLayouts.find((layout) => layout.matches(row, promptField ?? layout.field));
}

/** Every layout with its example row, for the message of a row that matches none. Pure. */
export function describeSftInputLayouts(promptField?: string): string {
  return sftInputLayouts
    .map((layout) => `${layout.format} ${layout.example(promptField ?? layout.field)}`)
    .join(', ');
}
