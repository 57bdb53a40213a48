import { describe, expect, it } from 'vitest';
import { indexText, matchEvent, stem } from '../../../src/evaluators/constraints/event-matcher.js';

const decide = (event: string, text: string, match?: string[]) =>
  matchEvent({ event, match, text: indexText(text) });

describe('matchEvent', () => {
  it.each([
    [
      'Attend a parenting workshop',
      'On Saturday I attended the parenting workshops downtown.',
      'yes',
    ],
    [
      'Attend a parenting workshop',
      'The parenting workshop was cancelled, so we stayed in.',
      'yes',
    ],
    ['restaurant', 'A family restaurant fills the west wing.', 'yes'],
    ['restaurant', 'The floor holds offices and a gym.', 'no'],
    [
      'my wife birthday, my father birthday',
      "We celebrated my wife's birthday and my father's birthday together.",
      'yes',
    ],
    [
      "Midsummer Night's Feast featuring Grilled Salmon",
      'For the Midsummer Night Feast we served grilled salmon with dill.',
      'yes',
    ],
    [
      'comprehensive library with study areas and archives',
      'A library with quiet study rooms occupies the floor.',
      'inconclusive',
    ],
    ['photography studio', 'Nothing here but storage.', 'no'],
    // Order and adjacency count: these words are all there, but not as the event.
    ['my wife birthday', 'It was my birthday, and my wife baked a cake.', 'inconclusive'],
    ['husband (yourself) birthday', "I turned forty; my husband's brother came.", 'inconclusive'],
    ['husband (yourself) birthday', "We marked my husband's birthday quietly.", 'yes'],
    ['Attending a fashion week in Paris', 'We flew to Paris for its fashion week.', 'yes'],
    ['Attending a fashion week in Paris', 'A week in Paris, all fashion and food.', 'inconclusive'],
    ['亲子讲座', '周六我们参加了亲子讲座，收获很多。', 'yes'],
    ['亲子讲座', '周六我们在家休息。', 'no'],
  ])('"%s" in "%s" → %s', (event, text, expected) => {
    expect(decide(event, text)).toBe(expected);
  });

  it.each([
    ['featuring jazz band', 'A jazz band played.'],
    ['including a bake sale', 'The bake sale raised money.'],
    ['use the pottery wheel', 'The pottery wheel spun.'],
    ['special harvest dinner', 'The harvest dinner was long.'],
  ])('drops the framing word of "%s"', (event, text) => {
    expect(decide(event, text)).toBe('yes');
  });

  it.each([
    ['workshop', 'Workshop today', 'yes'],
    ['workshop', 'we held a workshop', 'yes'],
    ['the', 'the cat', 'no'],
    ['jazz; dance', 'jazz then later some dance', 'yes'],
    ['jazz; dance', 'jazz only', 'inconclusive'],
    ['茶', '我喝茶', 'yes'],
    ['茶', '我喝水', 'no'],
    // Chinese shares characters freely: one shared character is not a hint, a shared pair is.
    ['亲子讲座', '老师讲课', 'no'],
    ['亲子讲座', '讲座', 'inconclusive'],
  ])(
    '"%s" in "%s" → %s, at the ends of the text, by phrases and by CJK pairs',
    (event, text, expected) => {
      expect(decide(event, text)).toBe(expected);
    },
  );

  it('accepts any of the match phrases', () => {
    expect(decide('bus station', 'A tram stop sits on the corner.', ['tram stop'])).toBe('yes');
  });

  it('says yes only through a match phrase that is there', () => {
    expect(decide('bus station', 'A tram stop.')).toBe('no');
    expect(decide('bus station', 'A tram stop.', ['cable car'])).toBe('no');
  });

  it.each([
    ["cat's", 'cat'],
    ['dog’s', 'dog'],
    ['bus', 'bus'],
    ['ties', 'tie'],
    ['cities', 'city'],
    ['classes', 'class'],
    ['wishes', 'wish'],
    ['churches', 'church'],
    ['boxes', 'box'],
    ['quizzes', 'quizz'],
    ['glass', 'glass'],
    ['campus', 'campus'],
    ['analysis', 'analysis'],
    ['things', 'thing'],
    ['singing', 'sing'],
    ['bring', 'bring'],
    ['tied', 'tied'],
    ['cried', 'cry'],
    ['need', 'need'],
    ['wanted', 'want'],
    ['make', 'make'],
    ['smile', 'smil'],
    ['running', 'run'],
    ['stopped', 'stop'],
  ])('stems "%s" to "%s"', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('stems plurals and verb endings the same way on both sides', () => {
    expect(['workshops', 'workshop'].map(stem)).toEqual(['workshop', 'workshop']);
    expect(['attended', 'attending', 'attend'].map(stem)).toEqual(['attend', 'attend', 'attend']);
    expect(['galleries', 'gallery', 'studied', 'study'].map(stem)).toEqual([
      'gallery',
      'gallery',
      'study',
      'study',
    ]);
    expect(['celebrate', 'celebrated', 'planned', 'plan'].map(stem)).toEqual([
      'celebrat',
      'celebrat',
      'plan',
      'plan',
    ]);
  });
});
