/** Whole numbers of at most 15 digits: always safe integers, never an exponent. */
const integerRule = 'integer-number-rule ::= "-"? ("0" | [1-9] [0-9]{0,14})';
/** Decimals whose exponent has at most two digits, so every value parses to a finite number. */
const fractionalRule =
  'fractional-number-rule ::= "-"? ("0" | [1-9] [0-9]{0,14}) ("." [0-9]{1,16})? ([eE] [-+]? [0-9]{1,2})?';

/**
 * Tightens the number rules of a grammar node-llama-cpp generated for a JSON schema. Its
 * integers allow an exponent and sixteen digits, so a weak model can write `5e137` where the
 * schema asks for a whole number: it parses to a float or to Infinity and fails the schema.
 * With these rules every number the grammar admits parses to what its schema type promises.
 * Pure; a grammar without such rules comes back unchanged.
 */
export function finiteNumberGrammar(grammar: string): string {
  return grammar
    .replace(/^integer-number-rule ::= .*$/m, integerRule)
    .replace(/^fractional-number-rule ::= .*$/m, fractionalRule);
}
