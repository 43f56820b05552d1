// The renderer's DesktopBridge when there is no Electron preload (window.promoteros absent): the
// command map over the dev host's WebSocket. Bundled into the renderer, so: no Node imports, and
// no DOM types either (this file is type-checked with the Node project too) — the few browser
// objects it touches are described structurally below.
//
// The socket reconnects with growing pauses. Commands sent while it is down wait and go out on
// reconnect; a command whose answer was lost with the connection resolves as `offline` (it may or
// may not have run, so it is not sent twice). After a reconnect the bridge re-reads the session
// and sync status and hands them to listeners, so a screen never shows what it missed.
import type {
  CommandArgs,
  CommandName,
  CommandResult,
  DesktopBridge,
  SignalName,
  SignalPayload,
  Outcome,
} from '../common/command-map.js';
import { BRIDGE_PATH, SECRET_PARAM, type ReplyMessage, type SignalMessage } from './wire.js';

/** what the bridge needs of a WebSocket (the browser's, or `ws` in Node tests) */
export interface BridgeSocket {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (event: { data?: unknown }) => void): void;
}
export type BridgeSocketConstructor = new (url: string) => BridgeSocket;

export interface BrowserBridgeOptions {
  /** ws://127.0.0.1:<port>/bridge?promoteros-secret=… */
  readonly url: string;
  /** default globalThis.WebSocket */
  readonly WebSocket?: BridgeSocketConstructor;
  /** first pause before reconnecting; doubles up to maxReconnectDelayMs */
  readonly reconnectDelayMs?: number;
  readonly maxReconnectDelayMs?: number;
}

export interface BrowserBridge extends DesktopBridge {
  /** true while the WebSocket is open */
  readonly connected: boolean;
  close(): void;
}

const OPEN = 1;

interface Waiting {
  readonly text: string;
  resolve(outcome: Outcome<unknown>): void;
  sent: boolean;
}

/** the invocations a closed socket had sent: their answers will never come (unsent ones wait for the next socket) */
function answerSentOffline(waiting: Map<number, Waiting>): void {
  for (const [id, entry] of waiting) {
    if (!entry.sent) continue;
    waiting.delete(id);
    entry.resolve({
      ok: false,
      error: { code: 'offline', message: 'the connection to the dev host closed before it answered' },
    });
  }
}

export function createBrowserBridge(options: BrowserBridgeOptions): BrowserBridge {
  const Socket = options.WebSocket ?? (globalThis as unknown as { WebSocket: BridgeSocketConstructor }).WebSocket;
  const firstDelay = options.reconnectDelayMs ?? 250;
  const maxDelay = options.maxReconnectDelayMs ?? 5_000;
  const waiting = new Map<number, Waiting>();
  const listeners = new Map<SignalName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: BridgeSocket | undefined;
  let delay = firstDelay;
  let everConnected = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const emit = (signal: SignalName, payload: unknown) => {
    for (const listener of listeners.get(signal) ?? []) {
      try {
        listener(payload);
      } catch {
        // one broken listener must not silence the others
      }
    }
  };

  function connect(): void {
    if (closed) return;
    const current = new Socket(options.url);
    socket = current;
    current.addEventListener('open', () => {
      delay = firstDelay;
      for (const entry of waiting.values()) {
        if (!entry.sent) {
          current.send(entry.text);
          entry.sent = true;
        }
      }
      if (everConnected) void catchUp();
      everConnected = true;
    });
    current.addEventListener('message', (event) => receive(String(event.data)));
    current.addEventListener('close', () => {
      if (socket !== current) return;
      socket = undefined;
      answerSentOffline(waiting);
      if (!closed) {
        timer = setTimeout(connect, delay);
        delay = Math.min(delay * 2, maxDelay);
      }
    });
    // an error is followed by close, which does the work
    current.addEventListener('error', () => {});
  }

  function receive(text: string): void {
    let message: Partial<ReplyMessage & SignalMessage>;
    try {
      message = JSON.parse(text) as Partial<ReplyMessage & SignalMessage>;
    } catch {
      return;
    }
    if (typeof message.signal === 'string') {
      emit(message.signal, message.payload);
    } else if (typeof message.id === 'number' && message.outcome) {
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      entry?.resolve(message.outcome);
    }
  }

  async function catchUp(): Promise<void> {
    const session = await bridge.invoke('session.get', {});
    if (session.ok) emit('session.changed', session.value);
    const sync = await bridge.invoke('sync.status', {});
    if (sync.ok) emit('sync.status', sync.value);
  }

  const bridge: BrowserBridge = {
    get connected() {
      return socket?.readyState === OPEN;
    },
    invoke<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<Outcome<CommandResult<K>>> {
      if (closed) {
        return Promise.resolve({ ok: false, error: { code: 'offline', message: 'the bridge is closed' } });
      }
      const id = nextId++;
      return new Promise((resolve) => {
        const entry: Waiting = {
          text: JSON.stringify({ id, name, args }),
          resolve: resolve as (outcome: Outcome<unknown>) => void,
          sent: false,
        };
        waiting.set(id, entry);
        if (socket?.readyState === OPEN) {
          socket.send(entry.text);
          entry.sent = true;
        }
      });
    },
    on<K extends SignalName>(name: K, listener: (payload: SignalPayload<K>) => void): () => void {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
      socket = undefined;
      for (const entry of waiting.values()) {
        entry.resolve({ ok: false, error: { code: 'offline', message: 'the bridge is closed' } });
      }
      waiting.clear();
    },
  };
  connect();
  return bridge;
}

interface PageLocation {
  readonly protocol: string;
  readonly host: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}
interface PageGlobals {
  readonly location: PageLocation;
  readonly sessionStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  readonly history?: { replaceState(data: unknown, unused: string, url: string): void };
}

/**
 * The bridge for a page the dev host served: the secret comes from the URL fragment the dev host
 * printed (#promoteros-secret=…), is kept in sessionStorage for reloads, and is taken out of the
 * address bar. Returns undefined when the page was not opened with one. `host` (127.0.0.1:port)
 * is for a renderer served by vite's dev server rather than by the dev host itself.
 */
export function connectToDevHost(options: { readonly host?: string } = {}): BrowserBridge | undefined {
  const page = globalThis as unknown as PageGlobals;
  const fragment = new URLSearchParams(page.location.hash.replace(/^#/, ''));
  let secret = fragment.get(SECRET_PARAM);
  if (secret) {
    page.sessionStorage?.setItem(SECRET_PARAM, secret);
    fragment.delete(SECRET_PARAM);
    const rest = fragment.toString();
    page.history?.replaceState(null, '', `${page.location.pathname}${page.location.search}${rest ? `#${rest}` : ''}`);
  } else {
    secret = page.sessionStorage?.getItem(SECRET_PARAM) ?? null;
  }
  if (!secret) return undefined;
  const scheme = page.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createBrowserBridge({
    url: `${scheme}//${options.host ?? page.location.host}${BRIDGE_PATH}?${SECRET_PARAM}=${encodeURIComponent(secret)}`,
  });
}
