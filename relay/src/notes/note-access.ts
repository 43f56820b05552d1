// Who may open a note room: the upgrade request carries the session token as a WebSocket
// subprotocol (`bearer.<token>` beside `promoteros-notes.v1`), so it never appears in a URL,
// an access log or a proxy's log. STAFF and above of the event's organization get in; a
// PROMOTER is refused, and an event of an organization the caller does not belong to is
// refused exactly like an event that does not exist.
import type { IncomingMessage } from 'node:http';
import { roleAtLeast, type Role } from '@promoteros/shared';
import { NOTES_BEARER_PREFIX, NOTES_PROTOCOL, noteNameOfSlug } from '@promoteros/shared/notes';
import { asOrganizations } from '../db/as-organizations.js';
import type { Sql } from '../db/database.js';
import { hashSessionToken } from '../auth/session-token.js';
import type { NoteKey } from './note-store.js';

/** close codes 4400–4499 tell a y-websocket client not to reconnect */
export type NoteRefusal =
  | { readonly code: 4400; readonly reason: string }
  | { readonly code: 4401; readonly reason: string }
  | { readonly code: 4403; readonly reason: string }
  | { readonly code: 4404; readonly reason: string };

export type NoteAccess =
  | { readonly ok: true; readonly key: NoteKey; readonly tokenHash: string }
  | { readonly ok: false; readonly refusal: NoteRefusal };

const ROOM_PATH = /^\/v1\/notes\/([0-9a-f-]{36})\/([a-z-]{1,40})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_\-.~+/=]{16,200}$/;

/** whether this upgrade is meant for the note rooms at all */
export function isNotesPath(url: string | undefined): boolean {
  return (url ?? '').startsWith('/v1/notes/');
}

/** the token offered as a subprotocol, if any */
export function bearerOf(request: IncomingMessage): string | undefined {
  const offered = String(request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const bearer = offered.find((p) => p.startsWith(NOTES_BEARER_PREFIX))?.slice(NOTES_BEARER_PREFIX.length);
  return bearer && TOKEN.test(bearer) ? bearer : undefined;
}

export async function resolveNoteAccess(sql: Sql, request: IncomingMessage): Promise<NoteAccess> {
  const path = (request.url ?? '').split('?')[0] ?? '';
  const match = ROOM_PATH.exec(path);
  const name = match ? noteNameOfSlug(match[2]!) : undefined;
  if (!match || !UUID.test(match[1]!) || !name) {
    return refuse(4400, 'a note room is /v1/notes/<event id>/advance-notes or /v1/notes/<event id>/run-of-show');
  }
  const eventId = match[1]!.toLowerCase();
  const token = bearerOf(request);
  if (!token)
    return refuse(4401, `sign in first: offer the subprotocols "${NOTES_PROTOCOL}" and "bearer.<session token>"`);
  return accessOf(sql, hashSessionToken(token), eventId, name);
}

/**
 * Whether the session behind a token hash may edit the event's document now: at the upgrade,
 * and again from time to time while the connection lasts (a sign-out, a removed membership or
 * a lowered role ends it).
 */
export async function accessOf(
  sql: Sql,
  tokenHash: string,
  eventId: string,
  name: NoteKey['name'],
): Promise<NoteAccess> {
  // the session's memberships (session_caller, migration 0018), then the event acting for them
  const memberships = await sql<{ organization_id: string | null; role: Role | null }[]>`
    SELECT organization_id, role FROM session_caller(${tokenHash})`;
  if (memberships.length === 0) return refuse(4401, 'the session is unknown, expired or revoked: sign in again');
  const roles = new Map(memberships.flatMap((m) => (m.organization_id && m.role ? [[m.organization_id, m.role]] : [])));
  // one query answers both "does the event exist" and "may this member see it", so the two
  // refusals cannot be told apart by timing or by wording
  const [event] = await asOrganizations(
    sql,
    roles.keys(),
    (tx) => tx<{ organization_id: string }[]>`SELECT organization_id FROM events WHERE id = ${eventId}`,
  );
  const row = event && { organization_id: event.organization_id, role: roles.get(event.organization_id)! };
  if (!row) return refuse(4404, `there is no event ${eventId} in your organizations`);
  if (!roleAtLeast(row.role, 'STAFF')) return refuse(4403, 'the shared notes are for staff, managers and owners');
  return { ok: true, key: { organizationId: row.organization_id, eventId, name }, tokenHash };
}

function refuse(code: NoteRefusal['code'], reason: string): NoteAccess {
  return { ok: false, refusal: { code, reason } as NoteRefusal };
}
