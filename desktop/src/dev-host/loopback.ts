// Who may talk to the dev host: only this computer. The Host header is checked so that a web
// page on another name that resolves to 127.0.0.1 (DNS rebinding) cannot reach it, and the
// Origin so that a page from anywhere but a loopback address cannot open its WebSocket.
const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** "127.0.0.1:5173", "localhost", "[::1]:80" */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return loopbackNames.has(name.toLowerCase());
}

/** an http(s) origin on a loopback address, any port (the renderer may come from vite's dev server) */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && loopbackNames.has(url.hostname.toLowerCase());
}
