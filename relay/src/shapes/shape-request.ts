// Reads and checks the query string of GET /v1/shape. Every problem is reported against the
// parameter it concerns, in one 400. Unknown parameters are ignored, as the protocol asks
// (the client adds cache busters and the like).
import { badRequest } from '../http/errors.js';
import { parseOffset, type Offset } from './protocol.js';

export interface ColumnFilter {
  readonly column: string;
  readonly value: string;
}

export interface ShapeRequest {
  readonly table: string;
  readonly offset: Offset;
  readonly handle?: string;
  readonly live: boolean;
  /** `col = $n` terms of the client's where clause, with their values */
  readonly filters: readonly ColumnFilter[];
  readonly columns?: readonly string[];
  readonly replica: 'default' | 'full';
  readonly changesOnly: boolean;
}

type Query = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const TERM = /^"?([a-z_][a-z0-9_]{0,62})"?\s*=\s*\$(\d{1,2})$/i;

/** The where clauses we accept: `col = $1 AND col2 = $2`, columns of the table's filter list. */
export const acceptedWhere = 'a conjunction of `"column" = $n` terms (uuid values, via params)';

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) return String(value[value.length - 1]);
  return value === undefined ? undefined : String(value);
}

/** `params[1]=x` arrives as the key "params[1]" or, with qs-style parsing, as params: {1: x}. */
function whereParams(query: Query): Map<number, string> {
  const params = new Map<number, string>();
  for (const [key, value] of Object.entries(query)) {
    const match = /^params\[(\d{1,2})\]$/.exec(key);
    if (match) params.set(Number(match[1]), String(Array.isArray(value) ? value[0] : value));
  }
  const nested = query.params;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [key, value] of Object.entries(nested)) {
      if (/^\d{1,2}$/.test(key)) params.set(Number(key), String(value));
    }
  }
  return params;
}

export function parseShapeRequest(query: Query): ShapeRequest {
  const errors: Record<string, string> = {};

  const table = single(query, 'table');
  if (!table) errors.table = 'required: the table to sync, e.g. table=events';
  else if (!NAME.test(table.replace(/^public\./, '')))
    errors.table = `not a table name: ${JSON.stringify(table.slice(0, 80))}`;

  const rawOffset = single(query, 'offset');
  const offset = rawOffset === undefined ? undefined : parseOffset(rawOffset);
  if (rawOffset === undefined) errors.offset = 'required: -1 for a snapshot, now, or an offset returned earlier';
  else if (!offset)
    errors.offset = `not an offset: ${JSON.stringify(rawOffset.slice(0, 80))} (expected -1, now or <a>_<b>)`;

  const handle = single(query, 'handle');
  if (handle !== undefined && !/^[A-Za-z0-9_-]{1,100}$/.test(handle)) errors.handle = 'not a shape handle';
  if (offset?.kind === 'at' && !handle) errors.handle = 'required with an offset other than -1 or now';

  const rawLive = single(query, 'live');
  if (rawLive !== undefined && rawLive !== 'true' && rawLive !== 'false') errors.live = 'must be true or false';
  const live = rawLive === 'true';
  if (live && offset && offset.kind !== 'at') errors.live = 'live=true needs an offset returned earlier, not -1 or now';

  const replica = single(query, 'replica') ?? 'default';
  if (replica !== 'default' && replica !== 'full') errors.replica = 'must be default or full';

  const log = single(query, 'log') ?? 'full';
  if (log !== 'full' && log !== 'changes_only') errors.log = 'must be full or changes_only';

  if (Object.keys(query).some((key) => key.startsWith('subset__'))) {
    errors.subset = 'subset snapshots are not supported by this relay';
  }

  const filters: ColumnFilter[] = [];
  const where = single(query, 'where');
  if (where !== undefined && where.trim() !== '') {
    const params = whereParams(query);
    if (where.length > 1000) errors.where = 'too long';
    else {
      for (const term of where.trim().split(/\s+AND\s+/i)) {
        const match = TERM.exec(term.trim());
        if (!match) {
          errors.where = `unsupported filter ${JSON.stringify(term.slice(0, 80))}: the relay accepts ${acceptedWhere}`;
          break;
        }
        const value = params.get(Number(match[2]));
        if (value === undefined) {
          errors[`params[${match[2]}]`] = `missing: the where clause uses $${match[2]}`;
        } else if (!UUID.test(value)) {
          errors[`params[${match[2]}]`] = `not a uuid: ${JSON.stringify(value.slice(0, 80))}`;
        } else {
          filters.push({ column: match[1]!.toLowerCase(), value: value.toLowerCase() });
        }
      }
    }
  }

  let columns: string[] | undefined;
  const rawColumns = single(query, 'columns');
  if (rawColumns !== undefined) {
    columns = rawColumns.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    const bad = columns.find((c) => !NAME.test(c));
    if (bad !== undefined) errors.columns = `not a column name: ${JSON.stringify(bad.slice(0, 80))}`;
    else if (!columns.includes('id')) errors.columns = 'must include the primary key column id';
  }

  if (Object.keys(errors).length > 0) {
    const first = Object.entries(errors)[0]!;
    throw badRequest('invalid_shape_request', `invalid shape request: ${first[0]}: ${first[1]}`, errors);
  }
  return {
    table: table!.replace(/^public\./, ''),
    offset: offset!,
    ...(handle ? { handle } : {}),
    live,
    filters,
    ...(columns ? { columns } : {}),
    replica: replica as 'default' | 'full',
    changesOnly: log === 'changes_only',
  };
}
