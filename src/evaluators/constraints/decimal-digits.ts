// Stryker disable next-line Regex: only ever tested on one character, so the anchors change nothing
const digitPattern = /^\p{Nd}$/u;

/**
 * The value of a run of Unicode decimal digits (any script: "17", "１７", "١٧"), as Python's
 * `int()` reads what `\d+` matched. Unicode places every script's digits 0–9 in one contiguous
 * run of code points, so a digit's value is its distance from the start of its run, modulo 10.
 * Pure.
 */
export function decimalDigits(text: string): number {
  let value = 0;
  for (const character of text) value = value * 10 + digitValue(character.codePointAt(0) ?? 0);
  return value;
}

function digitValue(codePoint: number): number {
  if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
  let start = codePoint;
  while (digitPattern.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}
