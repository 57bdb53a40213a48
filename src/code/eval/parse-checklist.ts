/** One item of a requirement checklist. */
export interface ChecklistItem {
  /** `F1`, `F2`, … in file order; stable ids for the judge, whatever the file's numbering. */
  id: string;
  /** The item's text without its checkbox, e.g. `1.1. Users can input a URL to be shortened.` */
  text: string;
  /** The heading or parent line the item sits under, when there is one. */
  section: string | undefined;
  /** 1-based line in the file. */
  line: number;
}

const item = /^\s*(?:[-*+]\s+)?\[[ xX]\]\s+(.+?)\s*$/;
const placeholder = /^[.…\s]*$/;

/**
 * Reads a requirement checklist in the L2MAC format: Markdown lines with a checkbox (`- [ ] 1.1.
 * Users can …`), grouped under numbered or bold headings. Other lines (overview, code fences,
 * instructions to the grader) are ignored, as are placeholder items (`- [ ] ...`). Pure.
 */
export function parseChecklist(text: string): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  let section: string | undefined;
  for (const [index, line] of text.replace(/\r\n?/g, '\n').split('\n').entries()) {
    const match = item.exec(line);
    if (match) {
      const itemText = match[1] ?? '';
      if (!placeholder.test(itemText)) {
        items.push({ id: `F${items.length + 1}`, text: itemText, section, line: index + 1 });
      }
      continue;
    }
    const heading = cleanHeading(line);
    if (heading !== undefined) section = heading;
  }
  return items;
}

/** A line that can head a group of items: a Markdown heading, a numbered or bold line. */
function cleanHeading(line: string): string | undefined {
  const trimmed = line.trim();
  if (!/^(#{1,6}\s|\d+(\.\d+)*[.)]?\s|[-*+]\s+\d+(\.\d+)*\s|\*\*)/.test(trimmed)) return undefined;
  const text = trimmed
    .replace(/^#{1,6}\s+|^[-*+]\s+/, '')
    .replace(/\*\*/g, '')
    .replace(/:\s*$/, '')
    .trim();
  return text === '' ? undefined : text;
}
