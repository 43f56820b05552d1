// Edits the relay refused (someone settled the show meanwhile, a hold was released…), or kept
// failing on until the device set them aside so the rest could upload: each with
// what the user meant, the relay's reason and when it was made. Retry makes it again (with the
// user's corrections to its simple fields, if they edit it), Discard lets it go. A confirmation
// refused over a taken date may be made again with a reason to override. The list is read again
// whenever the outbox changes.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CommandError, CommandResult, Outcome } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import { buttonClass, ErrorNote, Field, inputClass, primaryButtonClass, Spinner } from '../ui/controls.js';
import { Dialog } from '../ui/dialog.js';
import { editableFields, fieldLabel, mayOverride, overrideArguments, retryArguments } from './retry-arguments.js';
import { RelativeTime } from '../ui/relative-time.js';

type Refused = CommandResult<'outbox.needsAttention'>[number];

export function NeedsAttentionPanel({ onClose }: { onClose: () => void }) {
  const bridge = useBridge();
  const [items, setItems] = useState<Refused[]>();
  const [error, setError] = useState<CommandError>();

  const load = useCallback(async () => {
    const outcome = await bridge.invoke('outbox.needsAttention', {});
    if (outcome.ok) setItems(outcome.value);
    else setError(outcome.error);
  }, [bridge]);

  useEffect(() => {
    void load();
    return bridge.on('outbox.changed', () => void load());
  }, [bridge, load]);

  return (
    <Dialog title="Edits that need your attention" onClose={onClose} wide>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">
        The relay refused these edits, or kept failing on them, so they were taken back on this computer. Retry one once
        the reason is sorted out, or discard it.
      </p>
      <ErrorNote error={error} />
      {!items ? (
        <Spinner label="Loading…" />
      ) : items.length === 0 ? (
        <p className="py-4 text-center text-sm text-zinc-500">Nothing needs your attention.</p>
      ) : (
        <ul
          aria-label="Refused edits"
          className="max-h-[60vh] divide-y divide-zinc-200 overflow-y-auto dark:divide-zinc-800"
        >
          {items.map((item) => (
            <RefusedEdit key={item.mutationId} item={item} />
          ))}
        </ul>
      )}
      <div className="mt-4 flex justify-end">
        <button type="button" className={buttonClass} onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function RefusedEdit({ item }: { item: Refused }) {
  const bridge = useBridge();
  const [error, setError] = useState<CommandError>();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Record<string, string>>();
  const [reason, setReason] = useState<string>();
  const fields = editableFields(item.args);

  async function act(work: () => Promise<Outcome<unknown>>) {
    setBusy(true);
    setError(undefined);
    const outcome = await work();
    setBusy(false);
    // on success the outbox changes and the panel reads the list again (this row goes)
    if (!outcome.ok) setError(outcome.error);
  }

  const retry = (args?: Record<string, unknown>) =>
    act(() => bridge.invoke('outbox.retry', { mutationId: item.mutationId, ...(args ? { args } : {}) }));
  const discard = () => act(() => bridge.invoke('outbox.discard', { mutationId: item.mutationId }));

  function retryEdited(submit: FormEvent) {
    submit.preventDefault();
    const args = retryArguments(item.args, editing ?? {});
    if (!args.ok) setError({ code: 'invalid_arguments', message: args.message });
    else void retry(args.value);
  }

  function retryOverridden(submit: FormEvent) {
    submit.preventDefault();
    const args = overrideArguments(item.args, reason ?? '');
    if (!args.ok) setError({ code: 'invalid_arguments', message: args.message });
    else void retry(args.value);
  }

  return (
    <li className="py-3" aria-label={item.description}>
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium">{item.description}</p>
          <p className="mt-0.5 text-sm text-red-700 dark:text-red-400">{item.reason}</p>
          <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
            Made <RelativeTime at={item.at} />
          </p>
        </div>
        <div className="flex shrink-0 gap-1.5">
          {mayOverride(item) && reason === undefined && !editing && (
            <button type="button" className={buttonClass} disabled={busy} onClick={() => setReason('')}>
              Override…
            </button>
          )}
          {fields.length > 0 && !editing && (
            <button
              type="button"
              className={buttonClass}
              disabled={busy}
              onClick={() => setEditing(Object.fromEntries(fields.map(([key, value]) => [key, value])))}
            >
              Edit…
            </button>
          )}
          {!editing && (
            <button type="button" className={buttonClass} disabled={busy} onClick={() => void retry()}>
              Retry
            </button>
          )}
          <button type="button" className={buttonClass} disabled={busy} onClick={() => void discard()}>
            Discard
          </button>
        </div>
      </div>
      {editing && (
        <form onSubmit={retryEdited} className="mt-2 space-y-2 rounded-md bg-zinc-50 p-3 dark:bg-zinc-800/50">
          {fields.map(([key]) => (
            <Field key={key} label={fieldLabel(key)}>
              {(props) => (
                <input
                  {...props}
                  className={inputClass}
                  value={editing[key] ?? ''}
                  onChange={(change) => setEditing({ ...editing, [key]: change.target.value })}
                />
              )}
            </Field>
          ))}
          <div className="flex gap-2">
            <button type="submit" className={primaryButtonClass} disabled={busy}>
              Retry with these
            </button>
            <button type="button" className={buttonClass} onClick={() => setEditing(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {reason !== undefined && (
        <OverrideForm
          reason={reason}
          busy={busy}
          onChange={setReason}
          onCancel={() => setReason(undefined)}
          onSubmit={retryOverridden}
        />
      )}
      <ErrorNote error={error} />
    </li>
  );
}

/** retrying over a conflict the relay refused (a date already taken): the reason goes in the log */
function OverrideForm({
  reason,
  busy,
  onChange,
  onCancel,
  onSubmit,
}: {
  reason: string;
  busy: boolean;
  onChange: (reason: string) => void;
  onCancel: () => void;
  onSubmit: (submit: FormEvent) => void;
}) {
  return (
    <form
      aria-label="Confirm over the conflict"
      onSubmit={onSubmit}
      className="mt-2 space-y-2 rounded-md bg-zinc-50 p-3 dark:bg-zinc-800/50"
    >
      <Field label="Override with a reason" hint="Kept in the decision log">
        {(props) => (
          <input
            {...props}
            autoFocus
            className={inputClass}
            value={reason}
            onChange={(change) => onChange(change.target.value)}
          />
        )}
      </Field>
      <div className="flex gap-2">
        <button type="submit" className={primaryButtonClass} disabled={busy}>
          Confirm anyway
        </button>
        <button type="button" className={buttonClass} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
