import { describe, expect, it } from 'vitest';
import { findTextFacts } from '../../src/util/find-text-facts.js';

describe('findTextFacts', () => {
  it('finds names, a sentence-opening name only when a name follows, figures and questions', () => {
    const facts = findTextFacts({
      text: '# Heading Words\nThe mill at Saint Malo ground 40 tonnes. Ana Ruiz ran it. Mills faded. Who bought it?',
    });
    expect(facts.names).toEqual(['Saint Malo', 'Ana Ruiz']);
    expect(facts.figuresAbout[0]).toEqual({
      name: 'Saint Malo',
      sentences: ['The mill at Saint Malo ground 40 tonnes.'],
    });
    expect(facts.questions).toEqual(['Who bought it?']);
    expect(facts.sentences).toHaveLength(4);
  });
});
