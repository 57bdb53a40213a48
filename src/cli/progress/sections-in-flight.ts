import { escapeControl } from '../../util/escape-control.js';

/** A section whose step has started and not ended. */
export interface SectionInFlight {
  index: number;
  title: string;
  action: 'write' | 'expand' | 'condense' | 'rewrite';
}

/**
 * What the progress line says is being done: the one section in flight by name ("writing 8/17
 * Spring tides"), or with several drafted at once, how many and which ("4 in flight: 3 5 6
 * 8/17"). Pure.
 */
export function describeInFlight({
  sections,
  total,
}: {
  sections: SectionInFlight[];
  total: number;
}): string | undefined {
  const [only] = sections;
  if (only === undefined) return undefined;
  if (sections.length === 1) {
    const verb = only.action === 'write' ? 'writing' : only.action;
    return `${verb} ${only.index + 1}/${total} ${escapeControl(only.title)}`;
  }
  const numbers = sections.map((section) => section.index + 1).sort((left, right) => left - right);
  return `${sections.length} in flight: ${numbers.join(' ')}/${total}`;
}
