// What a caller may see of a table: the relay decides, whatever the client asks. Every shape
// is cut down to the organizations the caller belongs to with a role allowed to read the
// table; in organizations where the caller is a PROMOTER, to the rows that carry their id.
// The client's own filters can only narrow that further.
import { createHash } from 'node:crypto';
import { roleAtLeast, findSyncedTable } from '@promoteros/shared';
import type { Caller } from '../auth/caller.js';
import { forbidden, badRequest } from '../http/errors.js';
import type { ShapeRequest, ColumnFilter } from './shape-request.js';
import type { Catalog, ColumnInfo, TableColumns } from './table-columns.js';

export interface ShapeScope {
  readonly table: TableColumns;
  /** organizations whose rows the caller sees in full */
  readonly fullOrganizations: readonly string[];
  /** organizations where the caller sees only rows whose promoterOwnColumn is their id */
  readonly ownRowOrganizations: readonly string[];
  readonly userId: string;
  /** client filters other than the organization (already checked against the table) */
  readonly filters: readonly ColumnFilter[];
  readonly columns: readonly ColumnInfo[];
  readonly replica: 'default' | 'full';
}

export function resolveScope(caller: Caller, request: ShapeRequest, catalog: Catalog): ShapeScope {
  const synced = findSyncedTable(request.table);
  const table = synced && catalog.get(synced.name);
  if (!synced || !table) {
    throw forbidden(`table ${request.table} is not available for sync`);
  }

  const filters: ColumnFilter[] = [];
  let requestedOrganization: string | undefined;
  for (const filter of request.filters) {
    if (!synced.filterColumns.includes(filter.column)) {
      throw badRequest(
        'invalid_shape_request',
        `invalid shape request: where: ${request.table} cannot be filtered by ${filter.column}`,
        {
          where: `${request.table} cannot be filtered by ${filter.column}; filterable columns: ${synced.filterColumns.join(', ')}`,
        },
      );
    }
    if (filter.column === synced.organizationColumn) {
      if (requestedOrganization && requestedOrganization !== filter.value) {
        throw badRequest('invalid_shape_request', 'invalid shape request: where: two different organizations', {
          where: 'filter by one organization at most',
        });
      }
      requestedOrganization = filter.value;
    } else {
      filters.push(filter);
    }
  }

  const candidates = requestedOrganization ? [requestedOrganization] : [...caller.roles.keys()];
  const fullOrganizations: string[] = [];
  const ownRowOrganizations: string[] = [];
  for (const organizationId of candidates) {
    const role = caller.roles.get(organizationId);
    if (!role) {
      throw forbidden(`you are not a member of organization ${organizationId}`);
    }
    if (!roleAtLeast(role, synced.minimumRole)) {
      if (requestedOrganization) throw forbidden(`the ${role} role may not read ${synced.name}`);
      continue;
    }
    if (role === 'PROMOTER' && synced.promoterOwnColumn) ownRowOrganizations.push(organizationId);
    else fullOrganizations.push(organizationId);
  }
  if (fullOrganizations.length + ownRowOrganizations.length === 0) {
    throw forbidden(`none of your memberships may read ${synced.name}`);
  }

  let columns = table.columns;
  if (request.columns) {
    const unknown = request.columns.find((c) => !table.byName.has(c));
    if (unknown) {
      throw badRequest(
        'invalid_shape_request',
        `invalid shape request: columns: ${synced.name} has no column ${unknown}`,
        {
          columns: `unknown column ${unknown}`,
        },
      );
    }
    const wanted = new Set(request.columns);
    columns = table.columns.filter((c) => wanted.has(c.name));
  }

  return {
    table,
    fullOrganizations: fullOrganizations.sort(),
    ownRowOrganizations: ownRowOrganizations.sort(),
    userId: caller.userId,
    filters: [...filters].sort((a, b) => a.column.localeCompare(b.column) || a.value.localeCompare(b.value)),
    columns,
    replica: request.replica,
  };
}

/**
 * The handle names the shape exactly as the relay will serve it, including the membership
 * cut and the table's epoch: when membership or the epoch changes, old handles stop matching
 * and their clients get 409 must-refetch. Nothing is stored per shape, so any relay instance
 * can answer any handle.
 */
export function shapeHandle(scope: ShapeScope, epoch: number): string {
  const identity = JSON.stringify({
    t: scope.table.table.name,
    f: scope.fullOrganizations,
    o: scope.ownRowOrganizations,
    u: scope.ownRowOrganizations.length > 0 ? scope.userId : null,
    w: scope.filters,
    c: scope.columns.map((c) => c.name),
    r: scope.replica,
  });
  return `${epoch}-${createHash('sha256').update(identity).digest('hex').slice(0, 20)}`;
}
