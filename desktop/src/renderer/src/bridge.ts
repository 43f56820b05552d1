// The renderer's one way to the desktop core. In Electron the preload has put a DesktopBridge on
// window.promoteros; in a plain browser (the dev host, Playwright) the dev host's WebSocket client
// implements the same interface. This is the only file that knows there are two.
import type { DesktopBridge } from '../../common/command-map.js';

declare global {
  interface Window {
    promoteros?: DesktopBridge;
  }
}

export async function connectBridge(): Promise<DesktopBridge> {
  if (window.promoteros) return window.promoteros;
  // TODO(dev host): the browser client lands in src/dev-host/browser-bridge.ts
  throw new Error('no desktop bridge: open this page through the PromoterOS dev host');
}
