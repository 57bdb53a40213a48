/**
 * The writing defects the simulated model can plant in a section, as real models make them:
 * - `copied-paragraph`: a paragraph of an earlier section, copied again;
 * - `contradiction`: a name or figure that contradicts the one every other section states;
 * - `off-brief`: the whole section about something its brief never asked for;
 * - `meta-text`: a paragraph that talks about the writing instead of the subject;
 * - `over-length`: the section runs far over its budget;
 * - `dropped-thread`: a question the section promises a later part takes up, which none does.
 */
export const defectKinds = [
  'copied-paragraph',
  'contradiction',
  'off-brief',
  'meta-text',
  'over-length',
  'dropped-thread',
] as const;

/** One kind of planted defect. */
export type DefectKind = (typeof defectKinds)[number];

/**
 * The bad seams the simulated model can plant when it drafts a section without seeing the one
 * before it (the `seams` knob), as real models do:
 * - `seam-recap`: the opening recaps what the section before covers;
 * - `seam-restart`: the opening introduces the document's subject again, as if nothing came before.
 */
export const seamDefectKinds = ['seam-recap', 'seam-restart'] as const;

/** One kind of planted bad seam. */
export type SeamDefectKind = (typeof seamDefectKinds)[number];

/** True when `value` names a defect kind. */
export function isDefectKind(value: string): value is DefectKind {
  return (defectKinds as readonly string[]).includes(value);
}

/**
 * How a request names a problem of each kind: a reviser told of the problem writes the section
 * without it, as a model does when the feedback it is given is specific. Both the names of the
 * whole-document review's rules and the wording of the section checks count.
 */
export const defectNamedBy: Record<DefectKind, RegExp> = {
  'copied-paragraph': /\brepetition\b|repeat earlier sections|repeated paragraph/i,
  contradiction: /\bcontradict/i,
  'off-brief': /\boff-brief\b|off its brief/i,
  'meta-text': /\bmeta-text\b|leaked into the text/i,
  'over-length': /\bover-length\b|Condense the section/i,
  'dropped-thread': /\bdropped-thread\b|never takes? (?:it )?up/i,
};
