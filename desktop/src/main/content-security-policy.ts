// The Content-Security-Policy of the Electron window. The renderer talks to the core only
// through the preload bridge (IPC), so in a packaged app it needs nothing from any network:
// scripts, styles and fonts from its own files, images also as data: URLs, no connections, no
// frames, no plugins, no forms. Development (electron-vite's dev server) adds that server for
// scripts and its HMR WebSocket, and the inline preamble of React Fast Refresh.
//
// Applied twice on purpose: as a response header (session.webRequest, covers http:// in
// development) and as a <meta> tag injected at build time (covers file://, which has no headers).

export interface CspOptions {
  /** electron-vite's dev server origin, e.g. http://localhost:5173; absent in a built app */
  readonly devServerUrl?: string;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : undefined;
  const devOrigin = dev?.origin;
  const devSocket = dev ? `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}` : undefined;
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'", ...(devOrigin ? [devOrigin, "'unsafe-inline'"] : [])],
    'style-src': ["'self'", ...(devOrigin ? [devOrigin, "'unsafe-inline'"] : [])],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': devOrigin && devSocket ? [devOrigin, devSocket] : ["'none'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The same policy as a <meta> tag for index.html (frame-ancestors is not allowed in meta). */
export function contentSecurityPolicyMetaTag(options: CspOptions = {}): string {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options)}" />`;
}
