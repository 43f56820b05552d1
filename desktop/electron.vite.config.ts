// electron-vite: bundles the main process, the preload and the renderer into desktop/out
// (main/index.js, preload/index.cjs, window/). It only bundles, so `electron-vite build` works
// on machines without the Electron binary; running the app needs Electron itself.
//
// - main: ESM (Electron ≥ 28). Packages in desktop's own `dependencies` stay external and are
//   loaded from node_modules at run time: PGlite (reads its .wasm/.data files beside itself)
//   and keytar (a native .node module) must. keytar is an optional dependency (npm ci goes on
//   where it cannot be built), which electron-vite does not externalize by itself: it is named. The workspace packages
//   (@promoteros/shared, TypeScript source) are bundled. shared/migrations.ts reads its SQL
//   files from ../migrations next to the code, so they are copied to out/migrations.
// - preload: CommonJS, because a sandboxed preload cannot be an ES module.
// - renderer: the same root, base and plugins as vite.renderer.config.ts (the dev host's build,
//   owned with the renderer), plus the window's Content-Security-Policy as a <meta> tag (a
//   file:// page has no response headers to carry it). That policy allows no connections, the
//   dev host's needs its loopback WebSocket, so the two builds go to different folders: this
//   one to out/window, the dev host's to out/renderer.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicyMetaTag } from './src/main/content-security-policy.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

function copyMigrations(): Plugin {
  return {
    name: 'promoteros:copy-migrations',
    apply: 'build',
    writeBundle() {
      mkdirSync(here('./out/migrations'), { recursive: true });
      for (const file of readdirSync(here('../shared/migrations')).filter((name) => name.endsWith('.sql'))) {
        copyFileSync(here(`../shared/migrations/${file}`), here(`./out/migrations/${file}`));
      }
    },
  };
}

function windowContentSecurityPolicy(): Plugin {
  return {
    name: 'promoteros:window-csp',
    transformIndexHtml: {
      order: 'post',
      // replaces the page's own policy (which also admits the dev host's loopback WebSocket)
      // with the window's stricter one, which admits no connections at all (in `electron-vite
      // dev`: only the dev server and its HMR socket); placed right after the charset, before
      // anything the policy governs
      handler: (html, context) => {
        const devServerUrl = context.server?.resolvedUrls?.local[0];
        const tag = contentSecurityPolicyMetaTag(devServerUrl ? { devServerUrl } : {});
        const page = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/is, '');
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        return charset.test(page)
          ? page.replace(charset, (meta) => `${meta}\n    ${tag}`)
          : page.replace(/<head>/i, `<head>\n    ${tag}`);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      // the core's worker thread is an entry of its own: index.js starts out/main/core-worker.js
      lib: { entry: { index: here('./src/main/index.ts'), 'core-worker': here('./src/worker-host/core-worker.ts') } },
      externalizeDeps: { include: ['keytar'] },
    },
    plugins: [copyMigrations()],
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      lib: { entry: here('./src/preload/index.ts') },
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: here('./src/renderer'),
    base: './',
    plugins: [react(), tailwindcss(), windowContentSecurityPolicy()],
    build: {
      outDir: here('./out/window'),
      emptyOutDir: true,
      rollupOptions: { input: here('./src/renderer/index.html') },
      modulePreload: { polyfill: false },
    },
  },
});
