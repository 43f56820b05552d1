// The renderer's one way to the desktop core. In Electron the preload has put a DesktopBridge on
// window.promoteros; in a plain browser (the dev host, Playwright) the dev host's WebSocket client
// implements the same interface. This is the only file that knows there are two.
import type { DesktopBridge } from '../../common/command-map.js';
import { connectToDevHost } from '../../dev-host/browser-bridge.js';

declare global {
  interface Window {
    promoteros?: DesktopBridge;
  }
}

export function connectBridge(): DesktopBridge {
  if (window.promoteros) return window.promoteros;
  const bridge = connectToDevHost();
  if (!bridge) throw new Error('no desktop bridge: open the address the PromoterOS dev host printed');
  return bridge;
}
