import { checkConstraints } from './check-constraints.js';
import { checkLength } from './check-length.js';
import { checkMetaText } from './check-meta-text.js';
import { checkOverlap } from './check-overlap.js';
import type { SectionCheck } from './section-check.js';

/** The checks every section passes through, in the order their findings are reported. */
export const defaultSectionChecks: SectionCheck[] = [
  checkLength,
  checkOverlap,
  checkConstraints,
  checkMetaText,
];
