// An event's paperwork: the confirmation, the day sheet and the settlement, each with its latest
// version (date, size), Open and Save, earlier versions on demand, and Generate for managers,
// which shows "Generating…" while the relay draws it.
import { useEffect, useState } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import { useQuery } from '../data/use-query.js';
import { buttonClass, ErrorNote, linkButtonClass, Section, Spinner } from '../ui/controls.js';
import { downloadInBrowser, openInBrowser } from './document-bytes.js';
import type { Role } from './edit-rights.js';
import { useDocumentRenders } from './use-document-renders.js';
import { useFormat } from '../format/use-format.js';

type Version = CommandResult<'documents.list'>[number];
type Kind = Version['kind'];

const kinds: { kind: Kind; name: string; what: string }[] = [
  { kind: 'CONFIRMATION', name: 'Confirmation', what: 'parties, date and times, deal terms' },
  { kind: 'ADVANCE', name: 'Day sheet', what: 'schedule, run of show, contacts, open tasks' },
  { kind: 'SETTLEMENT', name: 'Settlement', what: 'tickets, expenses, the deal applied, payouts' },
];

export function DocumentsPanel({ eventId, zone, role }: { eventId: string; zone: string; role: Role | undefined }) {
  const f = useFormat();
  const bridge = useBridge();
  const list = useQuery('documents.list', { eventId });
  const { renders, error: rendersError, refresh } = useDocumentRenders(eventId);
  const [failure, setFailure] = useState<CommandError>();
  const [busy, setBusy] = useState<string>();
  const mayGenerate = role === 'OWNER' || role === 'MANAGER';
  // a version just arrived by sync: its render is done, so say so now rather than at the next look
  useEffect(refresh, [list.data, refresh]);

  const run = async (key: string, work: () => Promise<CommandError | undefined>) => {
    setBusy(key);
    setFailure(await work().finally(() => setBusy(undefined)));
  };
  const generate = (kind: Kind) =>
    run(`generate:${kind}`, async () => {
      const outcome = await bridge.invoke('documents.generate', { eventId, kind });
      refresh();
      return outcome.ok ? undefined : outcome.error;
    });
  const fetched = async (documentId: string, then: (file: CommandResult<'documents.fetch'>) => void) => {
    const file = await bridge.invoke('documents.fetch', { documentId });
    if (!file.ok) return file.error;
    then(file.value);
    return undefined;
  };
  const open = (doc: Version) =>
    run(`open:${doc.id}`, async () => {
      const outcome = await bridge.invoke('documents.open', { documentId: doc.id });
      if (!outcome.ok) return outcome.error;
      return outcome.value.inBrowser ? fetched(doc.id, openInBrowser) : undefined;
    });
  const save = (doc: Version) =>
    run(`save:${doc.id}`, async () => {
      const outcome = await bridge.invoke('documents.save', { documentId: doc.id });
      if (!outcome.ok) return outcome.error;
      return outcome.value.inBrowser ? fetched(doc.id, downloadInBrowser) : undefined;
    });

  const actions = (doc: Version, name: string) => (
    <VersionActions doc={doc} name={name} busy={busy} onOpen={open} onSave={save} />
  );
  const versionLine = (doc: Version) =>
    `v${doc.version} · ${f.dateTime(doc.createdAt, zone)} · ${f.fileSize(doc.byteSize)}`;

  return (
    <Section title="Documents">
      {list.error && !list.data ? <ErrorNote error={list.error} /> : null}
      {!list.data && !list.error ? <Spinner label="Loading documents…" /> : null}
      {list.data ? (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {kinds.map(({ kind, name, what }) => {
            const versions = list.data!.filter((d) => d.kind === kind);
            const [latest, ...earlier] = versions;
            const render = renders.find((r) => r.kind === kind);
            return (
              <li key={kind} className="py-2" data-document-kind={kind}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="min-w-0">
                    <p className="text-sm font-medium">{name}</p>
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">
                      {latest ? versionLine(latest) : `Not drawn up yet: ${what}`}
                    </p>
                  </div>
                  <span className="flex items-center gap-2">
                    {latest ? actions(latest, name) : null}
                    {render ? (
                      <span role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
                        Generating…{render.lastError ? ` (retrying: ${render.lastError})` : ''}
                      </span>
                    ) : mayGenerate ? (
                      <button
                        type="button"
                        className={buttonClass}
                        disabled={busy !== undefined}
                        aria-label={`${latest ? 'Regenerate' : 'Generate'} ${name}`}
                        onClick={() => void generate(kind)}
                      >
                        {latest ? 'Regenerate' : 'Generate'}
                      </button>
                    ) : null}
                  </span>
                </div>
                {earlier.length > 0 ? (
                  <details className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                    <summary className="cursor-pointer">
                      {earlier.length} earlier version{earlier.length === 1 ? '' : 's'}
                    </summary>
                    <ul className="mt-1 space-y-1">
                      {earlier.map((doc) => (
                        <li key={doc.id} className="flex items-center justify-between gap-2">
                          <span>{versionLine(doc)}</span>
                          {actions(doc, name)}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <ErrorNote error={failure ?? rendersError} />
    </Section>
  );
}

/** Open and Save for one version; each button names its document and version for a screen
 * reader, since a row holds several Opens */
function VersionActions({
  doc,
  name,
  busy,
  onOpen,
  onSave,
}: {
  doc: Version;
  name: string;
  /** the action under way, if any: every button waits for it */
  busy: string | undefined;
  onOpen: (doc: Version) => Promise<void>;
  onSave: (doc: Version) => Promise<void>;
}) {
  return (
    <span className="flex shrink-0 gap-1">
      <button
        type="button"
        className={linkButtonClass}
        aria-label={`Open ${name} v${doc.version}`}
        disabled={busy !== undefined}
        onClick={() => void onOpen(doc)}
      >
        {busy === `open:${doc.id}` ? 'Opening…' : 'Open'}
      </button>
      <button
        type="button"
        className={linkButtonClass}
        aria-label={`Save ${name} v${doc.version}`}
        disabled={busy !== undefined}
        onClick={() => void onSave(doc)}
      >
        {busy === `save:${doc.id}` ? 'Saving…' : 'Save'}
      </button>
    </span>
  );
}
