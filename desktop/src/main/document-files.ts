// What the app does with a document's bytes (documents.open / documents.save): the save dialog
// (Downloads and the document's own name proposed), and the system's PDF viewer on a copy in the
// temp folder. Electron only; the core sees just the DocumentFiles interface.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { DocumentFiles } from '../core/documents/document-commands.js';

export function documentFiles(parent: () => BrowserWindow | undefined): DocumentFiles {
  return {
    async save(suggestedName, bytes) {
      const options = {
        defaultPath: join(app.getPath('downloads'), suggestedName),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      };
      const window = parent();
      const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return null;
      await writeFile(chosen.filePath, bytes);
      return chosen.filePath;
    },
    async open(fileName, bytes) {
      // a folder of its own per opening: two versions of one name never overwrite each other
      const path = join(await mkdtemp(join(tmpdir(), 'promoteros-')), fileName);
      await writeFile(path, bytes);
      const failure = await shell.openPath(path);
      if (failure) throw new Error(`the PDF viewer did not open ${fileName}: ${failure}`);
    },
  };
}
