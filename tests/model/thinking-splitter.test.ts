import { describe, expect, it } from 'vitest';
import { createThinkingSplitter } from '../../src/model/thinking-splitter.js';

/** Feeds `pieces` to a fresh splitter and gathers what it gives. */
function split(pieces: string[]) {
  const splitter = createThinkingSplitter();
  let text = '';
  let reasoning = '';
  const textPieces: string[] = [];
  for (const piece of [...pieces.map((delta) => splitter.push(delta)), splitter.finish()]) {
    text += piece.text;
    reasoning += piece.reasoning;
    if (piece.text !== '') textPieces.push(piece.text);
  }
  return { text, reasoning, textPieces, unclosed: splitter.unclosed };
}

/** `text` cut into pieces of `size` characters, as a stream may send it. */
function piecesOf(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size)
    pieces.push(text.slice(start, start + size));
  return pieces;
}

const replies = [
  '<think>plan the tides</think>The tide turns twice a day.',
  'Before <thinking>a thought</thinking>after, and a < b <b>bold</b>.',
  '<reasoning>one</reasoning>middle<think>two</think>end',
  'No thinking at all, only <angle> brackets and a stray </think> tag.',
];

describe('createThinkingSplitter', () => {
  it.each(replies)('reads %j the same whatever pieces it arrives in', (reply) => {
    const whole = split([reply]);
    for (let size = 1; size <= reply.length; size++) {
      expect(split(piecesOf(reply, size))).toMatchObject({
        text: whole.text,
        reasoning: whole.reasoning,
        unclosed: false,
      });
    }
  });

  it('sets every thinking tag apart and joins blocks and resumed text with a line break', () => {
    expect(split(['<reasoning>one</reasoning>middle<think>two</think>end'])).toMatchObject({
      text: 'middle\nend',
      reasoning: 'one\ntwo',
    });
    expect(split(['Before <thinking>a thought</thinking>after'])).toMatchObject({
      text: 'Before \nafter',
      reasoning: 'a thought',
    });
  });

  it('leaves text that only looks like a tag, and a closing tag without an opening one', () => {
    const reply = 'a < b, <b>bold</b>, <thinker> and </think> stay';
    expect(split(piecesOf(reply, 3))).toMatchObject({ text: reply, reasoning: '' });
  });

  it('never lets thinking into a piece of text, even with the tag cut across pieces', () => {
    const { textPieces } = split(['Intro <thi', 'nk>secret pl', 'an</th', 'ink> outro']);
    expect(textPieces.join('')).toBe('Intro \n outro');
    expect(textPieces.some((piece) => piece.includes('secret') || piece.includes('<'))).toBe(false);
  });

  it('says when the reply ended inside a thinking block that began', () => {
    expect(split(['Answer first. <think>and then thinking that never e'])).toMatchObject({
      text: 'Answer first. ',
      reasoning: 'and then thinking that never e',
      unclosed: true,
    });
    // An opening tag with nothing after it has not begun a block yet.
    expect(split(['Answer. <think>']).unclosed).toBe(false);
  });

  it('gives back a possible tag still waiting when the reply ends', () => {
    expect(split(['The end <thin'])).toMatchObject({ text: 'The end <thin', reasoning: '' });
  });

  it('sets apart the first thinking block in the text, whichever tag it uses', () => {
    expect(split(['a<think>x</think>b<reasoning>y</reasoning>c'])).toMatchObject({
      text: 'a\nb\nc',
      reasoning: 'x\ny',
    });
  });

  it('gives out text at once when nothing at its end can begin a tag', () => {
    const splitter = createThinkingSplitter();
    expect(splitter.push('so a <b')).toEqual({ text: 'so a <b', reasoning: '' });
    expect(splitter.push(' and x < y')).toEqual({ text: ' and x < y', reasoning: '' });
  });
});
