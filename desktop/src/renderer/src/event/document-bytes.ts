// Opening and downloading a document in a plain browser (the dev host), where the app has no save
// dialog or PDF viewer of its own: the bytes of documents.fetch as a Blob, then a download link
// or a new tab. In Electron the core does both (documents.open / documents.save).
import type { CommandResult } from '../../../common/command-map.js';
import { fromBase64 } from '../data/base64.js';

function blobOf({ base64 }: CommandResult<'documents.fetch'>): Blob {
  return new Blob([fromBase64(base64)], { type: 'application/pdf' });
}

export function downloadInBrowser(file: CommandResult<'documents.fetch'>): void {
  const url = URL.createObjectURL(blobOf(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // the download has its own copy once started
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function openInBrowser(file: CommandResult<'documents.fetch'>): void {
  const url = URL.createObjectURL(blobOf(file));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
