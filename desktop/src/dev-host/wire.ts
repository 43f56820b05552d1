// The dev host's WebSocket messages, shared by the server (Node) and the browser client (no
// Node, no DOM): a command goes up as {id, name, args} and comes back as {id, outcome}; signals
// come down as {signal, payload}.
import type { SignalName, Outcome } from '../common/command-map.js';

export const BRIDGE_PATH = '/bridge';
/** the query parameter of the WebSocket URL, and the key in the page URL's fragment */
export const SECRET_PARAM = 'promoteros-secret';

export interface CommandMessage {
  readonly id: number | string;
  readonly name: string;
  readonly args: unknown;
}

export interface ReplyMessage {
  readonly id: number | string | null;
  readonly outcome: Outcome<unknown>;
}

export interface SignalMessage {
  readonly signal: SignalName;
  readonly payload: unknown;
}
