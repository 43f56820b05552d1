// Removed from an organization: this computer has deleted its copy of it, so the member is told
// why, and shown the edits that never reached the relay (with what they held) to copy what they
// still need before it is gone from this screen too.
import type { CommandResult } from '../../../common/command-map.js';

type Removal = NonNullable<Extract<CommandResult<'session.get'>, { state: 'signed-in' }>['removal']>;

export function RemovalNotice({ removal }: { removal: Removal }) {
  const { name, reason, unsentEdits } = removal;
  return (
    <section
      role="alert"
      aria-label={`Removed from ${name}`}
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <h2 className="font-semibold">You no longer have access to {name}</h2>
      <p className="mt-1">
        The relay says {reason}. This computer has deleted its copy of {name}.
      </p>
      {unsentEdits.length > 0 && (
        <>
          <p className="mt-3">
            {unsentEdits.length === 1
              ? 'One edit never reached the relay and will not be applied:'
              : `${unsentEdits.length} edits never reached the relay and will not be applied:`}
          </p>
          <ul aria-label="Edits not applied" className="mt-2 space-y-2">
            {unsentEdits.map((edit, index) => (
              <li key={index}>
                <span className="font-medium">{edit.description}</span>
                <pre className="mt-1 overflow-auto rounded bg-white p-2 text-xs select-all dark:bg-zinc-900">
                  {JSON.stringify(edit.args, null, 2)}
                </pre>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
