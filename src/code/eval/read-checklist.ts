import { fileLimits } from '../../config/limits.js';
import { InputFileError } from '../../errors/input-file-error.js';
import { readInputFile } from '../../util/read-input-file.js';
import { type ChecklistItem, parseChecklist } from './parse-checklist.js';

/**
 * Reads and parses a checklist file, refusing one that is missing, empty or has no `[ ]` items
 * with an `InputFileError` that shows the expected format.
 */
export async function readChecklist({ file }: { file: string }): Promise<ChecklistItem[]> {
  const bytes = await readInputFile({
    path: file,
    what: 'Checklist file',
    maxBytes: fileLimits.taskFile,
    flag: '--checklist',
  });
  const text = bytes.toString('utf8');
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
