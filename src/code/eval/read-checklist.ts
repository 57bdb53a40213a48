import { readFile } from 'node:fs/promises';
import { InputFileError } from '../../errors/input-file-error.js';
import { type ChecklistItem, parseChecklist } from './parse-checklist.js';

/**
 * Reads and parses a checklist file, refusing one that is missing, empty or has no `[ ]` items
 * with an `InputFileError` that shows the expected format.
 */
export async function readChecklist({ file }: { file: string }): Promise<ChecklistItem[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError({
      message:
        code === 'ENOENT'
          ? `Checklist file ${file} does not exist: check the --checklist path.`
          : `Cannot read checklist file ${file} (${code ?? String(error)}).`,
      file,
      problem: code === 'ENOENT' ? 'missing' : 'unreadable',
      cause: error,
    });
  }
  if (text.trim() === '') {
    throw new InputFileError({
      message: `Checklist file ${file} is empty: write one requirement per line as "- [ ] 1.1. Users can …".`,
      file,
      problem: 'empty',
    });
  }
  const items = parseChecklist(text);
  if (items.length === 0) {
    throw new InputFileError({
      message: `Checklist file ${file} has no checklist items: write one requirement per line as "- [ ] 1.1. Users can …".`,
      file,
      problem: 'invalidContent',
    });
  }
  return items;
}
