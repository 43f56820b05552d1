// For tests: the text of a PDF as a reader sees it, page by page, through pdfjs-dist.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// the built-in fonts' metrics, so pdfjs does not warn that it cannot load them
const standardFontDataUrl = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

export interface PdfContent {
  readonly pages: string[];
  readonly text: string;
  readonly info: Record<string, unknown>;
  /** each page's width and height in points (A4 595 × 842, US Letter 612 × 792) */
  readonly sizes: [number, number][];
}

export async function pdfText(bytes: Uint8Array): Promise<PdfContent> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const sizes: [number, number][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      sizes.push([Math.round(width), Math.round(height)]);
      const content = await page.getTextContent();
      // items on one line are joined by a space, lines by a newline
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
          .join('')
          .replace(/ +/g, ' '),
      );
    }
    const { info } = await pdf.getMetadata();
    return { pages, text: pages.join('\n'), info: info as Record<string, unknown>, sizes };
  } finally {
    await pdf.destroy();
  }
}
