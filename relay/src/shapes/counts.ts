// GET /v1/shape-counts?organization_id=…: how many rows each synced table holds for the caller,
// under exactly the scope GET /v1/shape would serve. A desktop's first sync uses the total to
// show real progress ("12,400 of 100,000 rows") instead of a spinner. Tables the caller may not
// read are left out, as they would be refused.
import type { FastifyPluginAsync } from 'fastify';
import { syncedTables } from '@promoteros/shared';
import type { Database } from '../db/database.js';
import { authenticate } from '../auth/caller.js';
import { badRequest, HttpError } from '../http/errors.js';
import { resolveScope } from './shape-scope.js';
import { scopeCondition } from './scope-sql.js';
import { asOrganizations } from '../db/as-organizations.js';
import { ident, type Catalog } from './table-columns.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const shapeCountRoutes: FastifyPluginAsync<{ db: Database; catalog: Catalog }> = async (
  app,
  { db, catalog },
) => {
  app.get('/v1/shape-counts', async (request) => {
    const organizationId = (request.query as Record<string, unknown>).organization_id;
    if (typeof organizationId !== 'string' || !UUID.test(organizationId)) {
      throw badRequest('invalid_request', 'organization_id: required, a uuid', {
        organization_id: 'required, a uuid',
      });
    }
    const caller = await authenticate(db.sql, request);
    const counts: Record<string, number> = {};
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const table of syncedTables) {
      try {
        const scope = resolveScope(
          caller,
          {
            table: table.name,
            offset: { kind: 'start' },
            live: false,
            filters: [{ column: table.organizationColumn, value: organizationId.toLowerCase() }],
            replica: 'default',
            changesOnly: false,
          },
          catalog,
        );
        const where = scopeCondition(scope, 's', params);
        parts.push(
          `SELECT '${table.name}' AS table_name, count(*)::int AS n FROM ${ident(table.name)} s WHERE ${where}`,
        );
      } catch (error) {
        // not a member: the whole request is refused; a table below the role: left out
        if (error instanceof HttpError && /not a member/.test(error.message)) throw error;
      }
    }
    if (parts.length > 0) {
      // a member here (resolveScope refused anyone else): counted as that organization alone
      const rows = await asOrganizations(db.sql, [organizationId.toLowerCase()], (tx) =>
        tx.unsafe<{ table_name: string; n: number }[]>(parts.join(' UNION ALL '), params as never[]),
      );
      for (const row of rows) counts[row.table_name] = row.n;
    }
    return { organizationId, counts };
  });
};
