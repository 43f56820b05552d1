// A data folder the desktop core opens already signed in as a seeded organization's owner, the
// way it reopens after a quit: session.json names the relay and the organization, the token
// comes from the credential store. Spares a test or a bench the sign-in mail.
import type { Sql } from '@promoteros/relay';
import type { BulkOrganization } from '@promoteros/demo/bulk';
import { RememberedSessionFile } from '../../core/app/remembered-session.js';

export async function rememberOwnerSession(
  sql: Sql,
  dataDir: string,
  relayUrl: string,
  organization: Pick<BulkOrganization, 'organizationId' | 'owner'>,
): Promise<void> {
  const [row] = await sql<{ slug: string; name: string }[]>`
    SELECT slug, name FROM organizations WHERE id = ${organization.organizationId}`;
  new RememberedSessionFile(dataDir).write({
    user: { id: organization.owner.userId, email: organization.owner.email, displayName: 'Bulk owner' },
    organizations: [{ id: organization.organizationId, slug: row!.slug, name: row!.name, role: 'OWNER' }],
    relayUrl,
    organizationId: organization.organizationId,
  });
}
