import { describe, expect, it } from 'vitest';
import { finiteNumberGrammar } from '../../../src/model/gguf/finite-number-grammar.js';

describe('finiteNumberGrammar', () => {
  it('takes the exponent out of integers and bounds the exponent of decimals', () => {
    const generated = [
      'root ::= "{" "\\"words\\"" ":" integer-number-rule "," fractional-number-rule "}"',
      'integer-number-rule ::= "-"? ("0" | [1-9] [0-9]{0,15}) ([eE] [-+]? ("0" | [1-9] [0-9]{0,15}))?',
      'fractional-number-rule ::= "-"? ("0" | [1-9] [0-9]{0,15}) ("." [0-9]{1,16})? ([eE] [-+]? ("0" | [1-9] [0-9]{0,15}))?',
    ].join('\n');
    const [root, integer, fractional] = finiteNumberGrammar(generated).split('\n');
    expect(root).toBe(generated.split('\n')[0]);
    expect(integer).toBe('integer-number-rule ::= "-"? ("0" | [1-9] [0-9]{0,14})');
    expect(fractional).toMatch(/\(\[eE\] \[-\+\]\? \[0-9\]\{1,2\}\)\?$/);
  });

  it('leaves a grammar without number rules as it is', () => {
    expect(finiteNumberGrammar('root ::= "yes" | "no"')).toBe('root ::= "yes" | "no"');
  });
});

describe('finiteNumberGrammar, rules with similar names', () => {
  it('replaces only the rules of that exact name, not one whose name ends the same', () => {
    const generated = [
      'signed-integer-number-rule ::= "-" [0-9]+',
      'plain-fractional-number-rule ::= [0-9]+ "." [0-9]+',
    ].join('\n');
    expect(finiteNumberGrammar(generated)).toBe(generated);
  });
});
