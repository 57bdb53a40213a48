import { describe, expect, it } from 'vitest';
import type { RunEventInput } from '../../../src/control/run-events.js';
import { journalledThinkNotes } from '../../../src/control/think/journalled-think-notes.js';
import { noteFromDraft } from '../../../src/control/think/note-from-draft.js';
import {
  type SectionThought,
  thinkBeforeSection,
  thinkEnd,
} from '../../../src/control/think/think-before-section.js';
import type { ThinkNoteSettings } from '../../../src/control/think/think-note-mode.js';
import { countWords } from '../../../src/evaluators/count-words.js';
import { emptyUsage } from '../../../src/model/usage-meter.js';
import { scriptedModel } from '../../helpers/mock-model.js';

const note = 'Purpose: open the story.\nWords: 400.';

async function think({
  settings,
  replies = [{ text: note, inputTokens: 30, outputTokens: 12 }],
  index = 2,
}: {
  settings: ThinkNoteSettings;
  replies?: Parameters<typeof scriptedModel>[0];
  index?: number;
}) {
  const model = scriptedModel(replies);
  const events: RunEventInput[] = [];
  const asked: Array<{ block: string; outputTokens: number }> = [];
  const thought = await thinkBeforeSection({
    settings,
    index,
    sectionId: 's003',
    call: { model },
    promptFor: async (block, outputTokens) => {
      asked.push({ block, outputTokens });
      return { system: 'You write documents.', prompt: `The section prompt.\n\n${block}` };
    },
    emit: async (event) => {
      events.push(event);
    },
  });
  return { thought, events, asked, model };
}

describe('thinkBeforeSection', () => {
  it('adds nothing to the prompt and calls nothing when notes are off', async () => {
    const { thought, events, model } = await think({ settings: { mode: 'off' } });
    expect(thought).toEqual({ block: '', note: undefined, usage: emptyUsage });
    expect(events).toEqual([]);
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it('asks a marked note of the section call itself, naming the section, with no call', async () => {
    const { thought, events, model } = await think({ settings: { mode: 'marked' } });
    expect(thought.block).toContain('Plan section 3 first');
    expect(thought.block).toContain('@@think');
    expect(thought.note).toBeUndefined();
    expect(thought.usage).toEqual(emptyUsage);
    expect(events).toEqual([]);
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it('makes the note in a call of its own with the section prompt, and journals it', async () => {
    const { thought, events, asked, model } = await think({ settings: { mode: 'call' } });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.block).toContain('Plan section 3 before writing it');
    expect(asked[0]!.outputTokens).toBeGreaterThan(0);
    const sent = JSON.stringify(model.doStreamCalls[0]!.prompt);
    expect(sent).toContain('The section prompt.');
    expect(sent).toContain('You write documents.');
    expect(thought.note).toBe(note);
    expect(thought.block).toContain('# Your plan for this section');
    expect(thought.block).toContain(note);
    expect(thought.usage.inputTokens).toBe(30);
    expect(thought.usage.outputTokens).toBe(12);
    expect(events).toEqual([
      {
        type: 'think-end',
        sectionId: 's003',
        index: 2,
        mode: 'call',
        note,
        words: countWords(note),
        findings: [],
        usage: thought.usage,
      },
    ]);
  });

  it('writes from a note an earlier session made, without a call or an event', async () => {
    const { thought, events, asked, model } = await think({
      settings: { mode: 'call', stored: note },
    });
    expect(model.doStreamCalls).toHaveLength(0);
    expect(asked).toEqual([]);
    expect(events).toEqual([]);
    expect(thought.note).toBe(note);
    expect(thought.block).toContain(note);
    expect(thought.usage).toEqual(emptyUsage);
  });

  it('writes without a note when the call answers only markers, journalling the empty note', async () => {
    const { thought, events } = await think({
      settings: { mode: 'call' },
      replies: [{ text: '@@think\n@@text\n', inputTokens: 30, outputTokens: 1 }],
    });
    expect(thought.block).toBe('');
    expect(thought.note).toBeUndefined();
    expect(thought.usage.outputTokens).toBe(1);
    expect(events).toHaveLength(1);
    expect(events[0]).not.toHaveProperty('note');
    expect(events[0]).toMatchObject({ type: 'think-end', mode: 'call', words: 0 });
  });
});

describe('thinkEnd', () => {
  it('leaves out the note and the usage it was not given, with no findings', () => {
    expect(thinkEnd({ sectionId: 's001', index: 0, mode: 'marked', note: undefined })).toEqual({
      type: 'think-end',
      sectionId: 's001',
      index: 0,
      mode: 'marked',
      words: 0,
      findings: [],
    });
  });
});

describe('noteFromDraft', () => {
  const thought: SectionThought = { block: '', note: 'from the call', usage: emptyUsage };

  async function fromDraft(settings: ThinkNoteSettings, drafted: string | undefined) {
    const events: RunEventInput[] = [];
    const result = await noteFromDraft({
      settings,
      thought,
      drafted,
      index: 4,
      sectionId: 's005',
      emit: async (event) => {
        events.push(event);
      },
    });
    return { result, events };
  }

  it('keeps the thought note and journals nothing outside the marked mode', async () => {
    const { result, events } = await fromDraft({ mode: 'call' }, 'ignored');
    expect(result).toEqual({ note: 'from the call', findings: [] });
    expect(events).toEqual([]);
  });

  it('journals the note a marked reply opened with', async () => {
    const { result, events } = await fromDraft({ mode: 'marked' }, note);
    expect(result).toEqual({ note, findings: [] });
    expect(events).toEqual([
      {
        type: 'think-end',
        sectionId: 's005',
        index: 4,
        mode: 'marked',
        note,
        words: countWords(note),
        findings: [],
      },
    ]);
  });

  it('warns, and journals the warning, when a marked reply had no note', async () => {
    const { result, events } = await fromDraft({ mode: 'marked' }, undefined);
    expect(result.note).toBeUndefined();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'think/missing-note',
      severity: 'warning',
      message: expect.stringContaining('`@@think` and `@@text`'),
    });
    expect(events).toEqual([
      expect.objectContaining({ mode: 'marked', words: 0, findings: result.findings }),
    ]);
  });
});

describe('journalledThinkNotes', () => {
  it('keeps the latest note of each section made by a call, and nothing else', () => {
    const notes = journalledThinkNotes({
      events: [
        { type: 'think-end', mode: 'call', sectionId: 's001', note: 'first' },
        { type: 'think-end', mode: 'call', sectionId: 's001', note: 'second' },
        { type: 'think-end', mode: 'marked', sectionId: 's002', note: 'marked' },
        { type: 'step-end', mode: 'call', sectionId: 's003', note: 'not a note' },
        { type: 'think-end', mode: 'call', sectionId: 's004' },
        { type: 'think-end', mode: 'call', note: 'no section' },
        { type: 'think-end', mode: 'call', sectionId: 's005', note: 'fifth' },
      ],
    });
    expect([...notes]).toEqual([
      ['s001', 'second'],
      ['s005', 'fifth'],
    ]);
  });
});
