import { describe, expect, it } from 'vitest';
import type { DraftPlan } from '../../src/planner/draft-plan-schema.js';
import { readPlanReply } from '../../src/planner/read-plan-reply.js';

/** The three sections every form below describes. */
const expected: DraftPlan['sections'] = [
  {
    title: 'The First Lights',
    brief: 'Fires on headlands and the Pharos of Alexandria.',
    words: 500,
  },
  {
    title: 'Lenses and Lamps',
    brief: 'How Fresnel lenses changed the reach of a light.',
    words: 800,
  },
  { title: 'Keepers', brief: 'The lives of the keepers and their families.', words: 700 },
];

function read(text: string) {
  const result = readPlanReply(text);
  if (!result.ok) throw new Error(`not read: ${result.message}`);
  return result;
}

describe('readPlanReply: every form gives the same draft', () => {
  it.each([
    [
      'json',
      'JSON with prose around it, a fence and a trailing comma',
      'Sure! Here is the plan:\n```json\n{"title": "Lighthouses", "sections": [{"title": "The First Lights", "brief": "Fires on headlands and the Pharos of Alexandria.", "words": 500}, {"title": "Lenses and Lamps", "brief": "How Fresnel lenses changed the reach of a light.", "words": 800}, {"title": "Keepers", "brief": "The lives of the keepers and their families.", "words": 700},], "placements": []}\n```\nHope this helps!',
    ],
    [
      'json',
      'JSON with the field names models use',
      '{"title": "Lighthouses", "paragraphs": [{"heading": "The First Lights", "main_point": "Fires on headlands and the Pharos of Alexandria.", "word_count": "500 words"}, {"heading": "Lenses and Lamps", "main_point": "How Fresnel lenses changed the reach of a light.", "word_count": 800}, {"heading": "Keepers", "main_point": "The lives of the keepers and their families.", "word_count": "about 700 words"}]}',
    ],
    [
      'lines',
      'lines with titles',
      'Title: Lighthouses\nSection 1 - Title: The First Lights - Main Point: Fires on headlands and the Pharos of Alexandria. - Word Count: 500 words\nSection 2 - Title: Lenses and Lamps - Main Point: How Fresnel lenses changed the reach of a light. - Word Count: 800 words\nSection 3 - Title: Keepers - Main Point: The lives of the keepers and their families. - Word Count: 700 words',
    ],
    [
      'headings',
      'a heading outline',
      '# Lighthouses\n\n## 1. The First Lights (500 words)\n\nFires on headlands and the Pharos of Alexandria.\n\n## 2. Lenses and Lamps\n\n- How Fresnel lenses changed the reach of a light.\n- Word count: 800\n\n## 3. Keepers (~700 words)\n\nThe lives of the keepers and their families.',
    ],
    [
      'list',
      'a numbered outline',
      'Lighthouses\n\n1. **The First Lights** (500 words): Fires on headlands and the Pharos of Alexandria.\n2. **Lenses and Lamps** (800 words): How Fresnel lenses changed the reach of a light.\n3. **Keepers** (700 words): The lives of the keepers and their families.',
    ],
    [
      'list',
      'a bulleted outline with points below each item',
      '- The First Lights — 500 words\n  - Fires on headlands and the Pharos of Alexandria.\n- Lenses and Lamps — 800 words\n  - How Fresnel lenses changed the reach of a light.\n- Keepers — 700 words\n  - The lives of the keepers and their families.',
    ],
  ])('%s: %s', (form, _name, text) => {
    const result = read(text);
    expect(result.form).toBe(form);
    expect(result.draft.sections).toEqual(expected);
  });

  it('reads the document title where the form gives one', () => {
    expect(
      read('# Lighthouses\n\n## A (500 words)\n\nx\n\n## B (500 words)\n\ny').draft.title,
    ).toBe('Lighthouses');
  });
});

describe('readPlanReply: AgentWrite lines', () => {
  it('reads the line format LongWriter models write, deriving each title from its point', () => {
    const text = [
      'Paragraph 1 - Main Point: Introduce the lighthouses of Brittany, from the Phare du Stiff to Ar-Men, and why the coast needed so many. - Word Count: 400 words',
      '',
      'Paragraph 2 - Main Point: Describe the building of Ar-Men on a rock awash at high tide; fourteen years of work. - Word Count: 700 words',
    ].join('\n');
    const result = read(text);
    expect(result.form).toBe('lines');
    expect(result.draft.sections).toEqual([
      {
        title: 'Introduce the lighthouses of Brittany',
        brief:
          'Introduce the lighthouses of Brittany, from the Phare du Stiff to Ar-Men, and why the coast needed so many.',
        words: 400,
      },
      {
        title: 'Describe the building of Ar-Men on a rock awash at',
        brief:
          'Describe the building of Ar-Men on a rock awash at high tide; fourteen years of work.',
        words: 700,
      },
    ]);
  });

  it('reads the Chinese form, numbered items and fields spread over lines', () => {
    const text = [
      '1. 段落1 - 主要内容：介绍布列塔尼海岸的灯塔及其历史。 - 字数要求：800字',
      '2. 第2段 - 主要内容：讲述阿尔门灯塔的建造过程。',
      '   - 字数要求：1200字',
    ].join('\n');
    expect(read(text).draft.sections).toEqual([
      {
        title: '介绍布列塔尼海岸的灯塔及其历史',
        brief: '介绍布列塔尼海岸的灯塔及其历史。',
        words: 800,
      },
      { title: '讲述阿尔门灯塔的建造过程', brief: '讲述阿尔门灯塔的建造过程。', words: 1200 },
    ]);
  });

  it('reads requirement placements after the lines', () => {
    const text =
      'Section 1 - Title: A - Main Point: a. - Word Count: 500 words\nSection 2 - Title: B - Main Point: b. - Word Count: 500 words\nRequirement c1 - Sections: 2\nRequirement c2 - Sections: 1, 2';
    expect(read(text).draft).toMatchObject({
      sections: [{ title: 'A' }, { title: 'B' }],
      placements: [
        { requirement: 'c1', sections: [2] },
        { requirement: 'c2', sections: [1, 2] },
      ],
    });
  });

  it('leaves a missing budget as NaN, for normalisation to fill', () => {
    const result = read('Paragraph 1 - Main Point: The light. - Word Count: many');
    expect(result.draft.sections[0]?.words).toBeNaN();
  });
});

describe('readPlanReply: replies with no plan', () => {
  it.each([
    ['prose', 'Lighthouses are towers with a light on top. They guide ships.', 'unreadable'],
    ['a list without a single word count', '1. Lamps\n2. Lenses\n3. Keepers', 'unreadable'],
    ['JSON that is not a plan', '{"error": "I cannot plan this."}', 'unreadable'],
    [
      'JSON cut off part-way',
      '{"title": "Lighthouses", "sections": [{"title": "The First',
      'invalidJson',
    ],
  ])('%s', (_name, text, problem) => {
    expect(readPlanReply(text)).toMatchObject({ ok: false, problem, message: expect.any(String) });
  });
});
