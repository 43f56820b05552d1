import { describe, expect, it } from 'vitest';
import { appUrlMatcher, isAllowedSubresource } from './app-origin.js';

describe("the app's own page", () => {
  it('is the built renderer folder on file:// and nothing beside it', () => {
    const isApp = appUrlMatcher({
      rendererDir: '/opt/PromoterOS/resources/app.asar/out/renderer',
      devServerUrl: undefined,
    });
    expect(isApp('file:///opt/PromoterOS/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(isApp('file:///opt/PromoterOS/resources/app.asar/out/renderer/assets/index-3f2a.js')).toBe(true);
    expect(isApp('file:///opt/PromoterOS/resources/app.asar/out/renderer-evil/index.html')).toBe(false);
    expect(isApp('file:///etc/passwd')).toBe(false);
    expect(isApp('https://example.com/')).toBe(false);
    expect(isApp('http://localhost:5173/')).toBe(false);
  });

  it('is the dev server origin in development', () => {
    const isApp = appUrlMatcher({ rendererDir: '/repo/desktop/out/renderer', devServerUrl: 'http://localhost:5173' });
    expect(isApp('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isApp('http://localhost:5174/')).toBe(false);
    expect(isApp('file:///repo/desktop/out/renderer/index.html')).toBe(false);
  });

  it('lets through inline images and the developer tools, and no remote content', () => {
    const isApp = appUrlMatcher({ rendererDir: '/app/out/renderer', devServerUrl: undefined });
    expect(isAllowedSubresource('data:image/png;base64,AAAA', isApp)).toBe(true);
    expect(isAllowedSubresource('devtools://devtools/bundled/inspector.html', isApp)).toBe(true);
    expect(isAllowedSubresource('https://fonts.googleapis.com/css', isApp)).toBe(false);
    expect(isAllowedSubresource('http://127.0.0.1:8787/v1/shape', isApp)).toBe(false);
  });
});
