/** The heading a prompt gives the piece it asks for, and its number when it has one. */
export interface GivenTitle {
  title: string;
  number: number | undefined;
}

const forms: RegExp[] = [
  /^[#\s]*(?:section|part|chapter)\s+(\d+)\s+of\s+\d+\s*[:：]\s*(.+?)\s*$/im,
  /^[#\s]*(?:section|part|chapter)\s*[:：]\s*()(.+?)\s*$/im,
  /\b(?:section|part|chapter)\s+()["“](.+?)["”]/i,
];

/**
 * Finds the heading a request gives the text it asks for ("Section 3 of 12: The Lamp Room",
 * "Section: The Lamp Room", the section "The Lamp Room"), for the echoed-heading habit: a
 * model that repeats it at the top of its answer. Undefined when the request names none. Pure.
 */
export function findGivenTitle(text: string): GivenTitle | undefined {
  for (const form of forms) {
    const match = form.exec(text);
    if (match?.[2]) {
      return { title: match[2], number: match[1] ? Number(match[1]) : undefined };
    }
  }
  return undefined;
}
