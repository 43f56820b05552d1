// The document around every page of the intake: language, viewport, the inlined styles.
import { markup, trusted, type Markup } from './html.js';
import { pageStyles } from './page-styles.js';

export function layout(page: { title: string; body: Markup; scriptUrl?: string | undefined }): string {
  const script = page.scriptUrl && markup`<script type="module" src="${page.scriptUrl}"></script>`;
  return `<!doctype html>\n${markup`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${trusted(pageStyles)}</style>
${script}
</head>
<body>
${page.body}
</body>
</html>`}`;
}
