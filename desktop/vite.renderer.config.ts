// Builds the renderer alone (React + Tailwind) into out/renderer, for the browser dev host and
// the Playwright tests. electron-vite builds the same folder for the Electron window.
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./src/renderer'),
  // relative asset URLs: the same build loads from file:// (Electron) and http:// (dev host)
  base: './',
  plugins: [react(), tailwindcss()],
  // the nearest tsconfig.json (desktop's, for Node) has no JSX setting; the renderer's is tsconfig.web.json
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: here('./out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // no inline module-preload polyfill: the page runs under a CSP without 'unsafe-inline'
    modulePreload: { polyfill: false },
  },
});
