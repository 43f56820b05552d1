// Signed in but no organization chosen yet: the member's organizations with their role in each,
// or a line saying they belong to none yet; after a removal, what happened to that organization.
import { roleLabel } from '@promoteros/shared/labels';
import type { CommandResult } from '../../../common/command-map.js';
import { RemovalNotice } from './removal-notice.js';

type SignedIn = Extract<CommandResult<'session.get'>, { state: 'signed-in' }>;

export function OrganizationPicker({ session, onPick }: { session: SignedIn; onPick: (id: string) => void }) {
  return (
    <div className="mx-auto max-w-md p-8">
      {session.removal && <RemovalNotice removal={session.removal} />}
      <h1 className="mb-3 text-base font-semibold">Choose an organization</h1>
      {session.organizations.length === 0 ? (
        <p className="text-sm text-zinc-500">Your account is not a member of any organization yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {session.organizations.map((organization) => (
            <li key={organization.id}>
              <button
                type="button"
                onClick={() => onPick(organization.id)}
                className="flex w-full items-center justify-between px-4 py-3 text-left text-sm hover:bg-zinc-50 dark:hover:bg-zinc-900"
              >
                <span className="font-medium">{organization.name}</span>
                <span className="text-xs text-zinc-500">{roleLabel(organization.role)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
