/** One requirement line of a specification. */
export interface SpecRequirement {
  /** `R1`, `R2`, … in the order of the spec. */
  id: string;
  /** The line's text without its list marker or checkbox, otherwise exactly as written. */
  text: string;
  /** 1-based line in the spec. */
  line: number;
}

const checklistItem = /^\s*(?:[-*+]|\d+[.)])?\s*\[[ xX]\]\s+(.+?)\s*$/;
const listItem = /^\s*(?:[-*+]|\d+[.)])\s+(.+?)\s*$/;
const placeholder = /^[.…\s]*$/;

/**
 * Finds the requirement lines of a specification, which the plan must carry word for word:
 * checklist items (`- [ ] …`, the L2MAC format) when the spec has any; otherwise its list items
 * (`-`, `*`, `1.`); otherwise every non-empty line that is not a heading, so a one-line spec is
 * one requirement. Placeholder items (`- [ ] ...`) and repeated lines are left out. Pure.
 */
export function extractRequirements(spec: string): SpecRequirement[] {
  const lines = spec.replace(/\r\n?/g, '\n').split('\n');
  const pick = (pattern: RegExp | undefined) =>
    lines.flatMap((line, index) => {
      if (pattern === undefined) {
        const text = line.trim();
        return text === '' || /^#{1,6}\s/.test(text) || /^(```|---)/.test(text)
          ? []
          : [{ text, line: index + 1 }];
      }
      const match = pattern.exec(line);
      return match?.[1] && !placeholder.test(match[1]) ? [{ text: match[1], line: index + 1 }] : [];
    });
  const found =
    [checklistItem, listItem, undefined].map(pick).find((items) => items.length > 0) ?? [];
  const byKey = new Map<string, { text: string; line: number }>();
  for (const item of found) {
    const key = requirementKey(item.text);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  return [...byKey.values()].map((item, index) => ({ id: `R${index + 1}`, ...item }));
}

/**
 * The form in which a plan's copy of a requirement is compared with the spec's: list markers,
 * checkboxes and leading numbering ("1.1.") removed, spaces collapsed, a final period dropped.
 * Wording and letter case must match. Pure.
 */
export function requirementKey(text: string): string {
  return text
    .replace(/^\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s+)?/, '')
    .replace(/^\d+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]$/, '');
}
