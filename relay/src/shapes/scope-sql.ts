// The SQL condition that holds a shape to its scope, over a row alias. Identifiers come from
// the synced-tables list and the catalog, never from the request; values are parameters.
import { ident } from './table-columns.js';
import type { ShapeScope } from './shape-scope.js';

export function scopeCondition(scope: ShapeScope, alias: string, params: unknown[]): string {
  const synced = scope.table.table;
  const organization = `${alias}.${ident(synced.organizationColumn)}`;
  const parts: string[] = [];
  if (scope.fullOrganizations.length > 0) {
    params.push(scope.fullOrganizations);
    parts.push(`${organization} = ANY($${params.length}::uuid[])`);
  }
  if (scope.ownRowOrganizations.length > 0 && synced.promoterOwnColumn) {
    params.push(scope.ownRowOrganizations, scope.userId);
    const n = params.length;
    parts.push(
      `(${organization} = ANY($${n - 1}::uuid[]) AND ${alias}.${ident(synced.promoterOwnColumn)} = $${n}::uuid)`,
    );
  }
  let condition = `(${parts.join(' OR ')})`;
  for (const filter of scope.filters) {
    params.push(filter.value);
    condition += ` AND ${alias}.${ident(filter.column)} = $${params.length}::uuid`;
  }
  return condition;
}

export function scopeOrganizations(scope: ShapeScope): string[] {
  return [...scope.fullOrganizations, ...scope.ownRowOrganizations];
}
