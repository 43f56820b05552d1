// The dev host over real sockets: the renderer over HTTP, the command map over a WebSocket that
// only opens with the secret from a loopback page, and the browser client on top of it. The core
// behind it runs in its worker thread, as `npm run dev:web` runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket, type ClientOptions } from 'ws';
import type { SignalPayload } from '../common/command-map.js';
import { MemoryCredentialStore } from '../core/app/credential-store.js';
import type { DesktopApp } from '../core/app/desktop-app.js';
import { startDesktopAppInWorker } from '../worker-host/worker-host.js';
import { eventually } from '../core/testing/sync-fixture.js';
import { createBrowserBridge, type BridgeSocketConstructor } from './browser-bridge.js';
import { startDevHost, type DevHost } from './dev-host.js';
import { BRIDGE_PATH, SECRET_PARAM } from './wire.js';

/** opens a WebSocket; resolves with it once open, or with the HTTP status that refused it */
function open(url: string, options: ClientOptions = {}): Promise<{ ws?: WebSocket; refusedWith?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, options);
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_request, response) => resolve({ refusedWith: response.statusCode }));
    ws.once('error', () => resolve({ refusedWith: -1 }));
  });
}

/** the next message on the socket that matches, parsed */
function nextMessage(ws: WebSocket, matches: (message: Record<string, unknown>) => boolean) {
  return new Promise<Record<string, unknown>>((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (!matches(message)) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

describe('browser dev host', () => {
  let root: string;
  let app: DesktopApp;
  let host: DevHost;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-dev-host-'));
    const rendererDir = join(root, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("renderer")');
    // nothing listens on port 9: these tests need no relay
    app = await startDesktopAppInWorker({
      relayUrl: 'http://127.0.0.1:9',
      dataDir: join(root, 'data'),
      credentials: new MemoryCredentialStore(),
      log: () => {},
    });
    host = await startDevHost({ app, rendererDir });
  });
  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await host?.close();
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('should listen on a random loopback port and print a page URL carrying the secret in its fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.pageUrl).toBe(`${host.origin}/#${SECRET_PARAM}=${host.secret}`);
    expect(host.secret.length).toBeGreaterThanOrEqual(40);
  });

  it('should serve the renderer, its assets, and index.html for app routes, without the secret', async () => {
    const page = await fetch(`${host.origin}/calendar/2026-05`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    expect(html).not.toContain(host.secret);
    const asset = await fetch(`${host.origin}/assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${host.origin}/assets/missing.js`)).status).toBe(404);
    // a path climbing out of the renderer stays inside it (here: the app route fallback)
    const climbing = await fetch(`${host.origin}/%2e%2e/%2e%2e/etc/passwd`);
    expect(await climbing.text()).toBe(html);
  });

  it('should refuse HTTP for a non-loopback Host (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      request(`${host.origin}/`, { headers: { host: 'rebound.example:80' } }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  it('should refuse a WebSocket with a wrong or missing secret', async () => {
    const base = `ws://127.0.0.1:${new URL(host.origin).port}${BRIDGE_PATH}`;
    expect(await open(`${base}?${SECRET_PARAM}=${'x'.repeat(host.secret.length)}`)).toEqual({ refusedWith: 401 });
    expect(await open(`${base}?${SECRET_PARAM}=${host.secret.slice(1)}`)).toEqual({ refusedWith: 401 });
    expect(await open(base)).toEqual({ refusedWith: 401 });
  });

  it('should refuse a WebSocket from a non-loopback Origin or Host, even with the secret', async () => {
    expect(await open(host.bridgeUrl, { origin: 'https://evil.example' })).toEqual({ refusedWith: 403 });
    expect(await open(host.bridgeUrl, { origin: 'http://127.0.0.1.evil.example' })).toEqual({ refusedWith: 403 });
    expect(await open(host.bridgeUrl, { headers: { host: 'rebound.example' } })).toEqual({ refusedWith: 403 });
    // the page's own origin, and vite's dev server on another loopback port, may connect
    const own = await open(host.bridgeUrl, { origin: host.origin });
    const vite = await open(host.bridgeUrl, { origin: 'http://localhost:5173' });
    expect(own.ws).toBeDefined();
    expect(vite.ws).toBeDefined();
    sockets.push(own.ws!, vite.ws!);
  });

  it('should carry commands and their outcomes, and push signals, over the WebSocket', async () => {
    const { ws } = await open(host.bridgeUrl, { origin: host.origin });
    sockets.push(ws!);

    ws!.send(JSON.stringify({ id: 7, name: 'session.get', args: {} }));
    expect(await nextMessage(ws!, (m) => m.id === 7)).toEqual({
      id: 7,
      outcome: { ok: true, value: { state: 'signed-out', relayUrl: 'http://127.0.0.1:9' } },
    });

    ws!.send(JSON.stringify({ id: 'b', name: 'calendar.month', args: { venueId: 'nope', month: '2026-05' } }));
    expect(await nextMessage(ws!, (m) => m.id === 'b')).toMatchObject({
      outcome: { ok: false, error: { code: 'invalid_arguments', details: { venueId: expect.any(String) } } },
    });

    ws!.send(JSON.stringify({ id: 9, name: 'venues.drop', args: {} }));
    expect(await nextMessage(ws!, (m) => m.id === 9)).toMatchObject({
      outcome: { ok: false, error: { code: 'unknown_command' } },
    });

    ws!.send('not json');
    expect(await nextMessage(ws!, (m) => m.id === null)).toMatchObject({
      outcome: { ok: false, error: { code: 'invalid_arguments' } },
    });

    // signing out (even when signed out) announces the session: every open page hears it
    const pushed = nextMessage(ws!, (m) => m.signal === 'session.changed');
    ws!.send(JSON.stringify({ id: 10, name: 'auth.signOut', args: {} }));
    expect(await pushed).toEqual({
      signal: 'session.changed',
      payload: { state: 'signed-out', relayUrl: 'http://127.0.0.1:9' },
    });
  });

  it('should give the renderer a DesktopBridge that reconnects when the dev host comes back', async () => {
    const port = Number(new URL(host.origin).port);
    const bridge = createBrowserBridge({
      url: host.bridgeUrl,
      WebSocket: WebSocket as unknown as BridgeSocketConstructor,
      reconnectDelayMs: 20,
      maxReconnectDelayMs: 100,
    });
    try {
      // sent before the socket opened: waits, then goes out
      expect(await bridge.invoke('session.get', {})).toEqual({
        ok: true,
        value: { state: 'signed-out', relayUrl: 'http://127.0.0.1:9' },
      });
      const sessions: Array<SignalPayload<'session.changed'>> = [];
      bridge.on('session.changed', (state) => sessions.push(state));
      expect(await bridge.invoke('auth.signOut', {})).toMatchObject({ ok: true });
      await eventually(() => sessions.length === 1);

      await host.close();
      await eventually(() => !bridge.connected);
      const whileDown = bridge.invoke('sync.status', {});
      host = await startDevHost({ app, rendererDir: join(root, 'renderer'), port, secret: host.secret });
      expect(await whileDown).toEqual({ ok: true, value: { phase: 'signed-out' } });
      // after reconnecting the bridge re-reads the session for its listeners
      await eventually(() => sessions.length === 2);
      expect(sessions[1]).toEqual(sessions[0]);
    } finally {
      bridge.close();
    }
    expect(await bridge.invoke('session.get', {})).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
