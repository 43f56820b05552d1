// The dates a request holds and who else holds them. A manager places a hold (it queues behind
// the ones already on that date: 1st, 2nd …), releases one with a reason (the lower ones move
// up), sets when it expires, or has a lower hold challenge the 1st to confirm or let go by a
// deadline. Every change is an edit the core applies at once; the ranks shown are the replica's.
import { holdingRequestStatuses } from '@promoteros/shared/mutations';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useEdit, type RunEdit } from '../data/use-edit.js';
import { useQuery } from '../data/use-query.js';
import { instantInZone, wallClockInZone } from '../format/venue-time.js';
import {
  buttonClass,
  ErrorNote,
  Field,
  inputClass,
  linkButtonClass,
  primaryButtonClass,
  Section,
  StatusBadge,
} from '../ui/controls.js';
import { ordinal } from '../calendar/month-grid.js';
import { useFormat } from '../format/use-format.js';

type RequestDetail = CommandResult<'requests.get'>;
type Hold = RequestDetail['holds'][number];
type Mode = 'release' | 'expiry' | 'challenge';

/** the form input, sized to a date rather than to the row */
const compactDateClass = inputClass.replace('block w-full', 'w-40').replace('py-1.5', 'py-0.5');

export function HoldsPanel({ request, manages }: { request: RequestDetail; manages: boolean }) {
  const f = useFormat();
  const edit = useEdit();
  const zone = request.venue.timezone;
  const preferredDate = wallClockInZone(request.preferredStart, zone).date;
  const [holdDate, setHoldDate] = useState(preferredDate);
  const [viewDate, setViewDate] = useState(
    request.holds.find((hold) => hold.status === 'ACTIVE')?.holdDate ?? preferredDate,
  );
  const [refusal, setRefusal] = useState<CommandError>();
  const [open, setOpen] = useState<{ holdId: string; mode: Mode }>();
  const holding = holdingRequestStatuses.includes(request.status);

  const run: RunEdit<boolean> = async (name, args) => {
    const refused = await edit(name, args);
    setRefusal(refused);
    if (!refused) setOpen(undefined);
    return !refused;
  };

  async function place(submit: FormEvent) {
    submit.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holdDate))
      return setRefusal({ code: 'invalid_arguments', message: 'Pick a date to hold' });
    if (await run('hold.place', { holdId: crypto.randomUUID(), requestId: request.id, holdDate }))
      setViewDate(holdDate);
  }

  return (
    <Section title="Holds" aside={`Dates on the venue’s calendar (${zone})`}>
      {request.holds.length === 0 ? (
        <p className="text-sm text-zinc-500">This request holds no date.</p>
      ) : (
        <ul aria-label="Holds of this request" className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {request.holds.map((hold) => (
            <li key={hold.id} className="py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <button
                  type="button"
                  className="font-medium hover:underline"
                  onClick={() => setViewDate(hold.holdDate)}
                >
                  {f.date(hold.holdDate)}
                </button>
                {hold.status === 'ACTIVE' ? (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold text-amber-800 dark:bg-amber-950 dark:text-amber-300">
                    {ordinal(hold.rank)} hold
                  </span>
                ) : (
                  <StatusBadge status={hold.status} />
                )}
                <HoldNotes hold={hold} zone={zone} />
                {manages && hold.status === 'ACTIVE' && (
                  <span className="ml-auto flex gap-1">
                    <ModeButton hold={hold} mode="expiry" open={open} setOpen={setOpen} label="Expiry" />
                    {hold.rank > 1 && (
                      <ModeButton hold={hold} mode="challenge" open={open} setOpen={setOpen} label="Challenge 1st" />
                    )}
                    <ModeButton hold={hold} mode="release" open={open} setOpen={setOpen} label="Release" />
                  </span>
                )}
              </div>
              {open?.holdId === hold.id && (
                <HoldEditor hold={hold} mode={open.mode} zone={zone} run={run} onCancel={() => setOpen(undefined)} />
              )}
            </li>
          ))}
        </ul>
      )}
      {manages && holding && (
        <form onSubmit={(submit) => void place(submit)} className="mt-3 flex items-end gap-2" aria-label="Place a hold">
          <Field label="Hold a date">
            {(props) => (
              <input
                {...props}
                type="date"
                className={inputClass}
                value={holdDate}
                onChange={(change) => setHoldDate(change.target.value)}
              />
            )}
          </Field>
          <button type="submit" className={buttonClass}>
            Place hold
          </button>
        </form>
      )}
      <div className="mt-2">
        <ErrorNote error={refusal} />
      </div>
      <HoldsOnDate venueId={request.venue.id} date={viewDate} requestId={request.id} onDateChange={setViewDate} />
    </Section>
  );
}

function ModeButton({
  hold,
  mode,
  label,
  open,
  setOpen,
}: {
  hold: Hold;
  mode: Mode;
  label: string;
  open: { holdId: string; mode: Mode } | undefined;
  setOpen: (next: { holdId: string; mode: Mode } | undefined) => void;
}) {
  const isOpen = open?.holdId === hold.id && open.mode === mode;
  return (
    <button
      type="button"
      className={linkButtonClass}
      aria-expanded={isOpen}
      aria-label={`${label} (${hold.holdDate})`}
      onClick={() => setOpen(isOpen ? undefined : { holdId: hold.id, mode })}
    >
      {label}
    </button>
  );
}

function HoldNotes({ hold, zone }: { hold: Hold; zone: string }) {
  const f = useFormat();
  const notes: ReactNode[] = [];
  if (hold.expiresAt) notes.push(`expires ${f.dateTime(hold.expiresAt, zone)}`);
  if (hold.challengeDeadline) notes.push(`challenged: answer by ${f.dateTime(hold.challengeDeadline, zone)}`);
  if (hold.releaseReason) notes.push(hold.releaseReason);
  if (notes.length === 0) return null;
  return <span className="text-xs text-zinc-500 dark:text-zinc-400">{notes.join(' · ')}</span>;
}

/** the venue's clock a day or a week ahead, as the expiry and deadline forms start */
function inDays(days: number, zone: string) {
  return wallClockInZone(Date.now() + days * 86_400_000, zone).date;
}

function HoldEditor({
  hold,
  mode,
  zone,
  run,
  onCancel,
}: {
  hold: Hold;
  mode: Mode;
  zone: string;
  run: RunEdit<boolean>;
  onCancel: () => void;
}) {
  const existing = mode === 'expiry' && hold.expiresAt ? wallClockInZone(hold.expiresAt, zone) : undefined;
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(existing?.date ?? inDays(mode === 'challenge' ? 2 : 7, zone));
  const [time, setTime] = useState(existing?.time ?? '17:00');
  const [problem, setProblem] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === 'release') {
      void run('hold.release', { holdId: hold.id, reason: reason.trim() === '' ? null : reason.trim() });
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return setProblem('Pick a date and a time');
    setProblem(undefined);
    const at = instantInZone(date, time, zone);
    if (mode === 'expiry') void run('hold.setExpiry', { holdId: hold.id, expiresAt: at });
    else void run('hold.challenge', { holdId: hold.id, deadline: at });
  }

  const title = { release: 'Release the hold', expiry: 'When the hold expires', challenge: 'Challenge the 1st hold' }[
    mode
  ];
  return (
    <form
      aria-label={title}
      onSubmit={submit}
      onKeyDown={(key) => key.key === 'Escape' && onCancel()}
      className="mt-2 flex flex-wrap items-end gap-2 rounded-md bg-zinc-50 p-2 dark:bg-zinc-950"
      noValidate
    >
      {mode === 'release' ? (
        <Field label="Reason (optional)" className="min-w-64 flex-1">
          {(props) => (
            <input
              {...props}
              autoFocus
              className={inputClass}
              value={reason}
              onChange={(change) => setReason(change.target.value)}
            />
          )}
        </Field>
      ) : (
        <>
          <Field label={mode === 'expiry' ? 'Expires on' : 'Answer by'} problem={problem}>
            {(props) => (
              <input
                {...props}
                autoFocus
                type="date"
                className={inputClass}
                value={date}
                onChange={(change) => setDate(change.target.value)}
              />
            )}
          </Field>
          <Field label={`Time (${zone})`}>
            {(props) => (
              <input
                {...props}
                type="time"
                className={inputClass}
                value={time}
                onChange={(change) => setTime(change.target.value)}
              />
            )}
          </Field>
        </>
      )}
      <button type="submit" className={primaryButtonClass}>
        {{ release: 'Release', expiry: 'Set expiry', challenge: 'Challenge' }[mode]}
      </button>
      {mode === 'expiry' && hold.expiresAt && (
        <button
          type="button"
          className={buttonClass}
          onClick={() => void run('hold.setExpiry', { holdId: hold.id, expiresAt: null })}
        >
          No expiry
        </button>
      )}
      <button type="button" className={buttonClass} onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** Everyone holding a venue date, in rank order, and the holds that ended there. */
function HoldsOnDate({
  venueId,
  date,
  requestId,
  onDateChange,
}: {
  venueId: string;
  date: string;
  requestId: string;
  onDateChange: (date: string) => void;
}) {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const holds = useQuery('holds.onDate', { venueId, date: valid ? date : '1970-01-01' });
  return (
    <div className="mt-4 border-t border-zinc-100 pt-3 dark:border-zinc-800">
      <div className="flex items-center gap-2">
        <h3 className="text-xs font-semibold text-zinc-600 dark:text-zinc-300">Holds on</h3>
        <label className="sr-only" htmlFor="holds-on-date">
          Holds on date
        </label>
        <input
          id="holds-on-date"
          type="date"
          className={compactDateClass}
          value={date}
          onChange={(change) => onDateChange(change.target.value)}
        />
      </div>
      <ErrorNote error={holds.error} />
      {valid && holds.data && (
        <ol aria-label={`Holds on ${date}`} className="mt-2 space-y-1 text-sm">
          {holds.data.length === 0 && <li className="text-zinc-500">Nobody holds this date.</li>}
          {holds.data.map((hold) => (
            <li
              key={hold.id}
              className={`flex items-center gap-2 ${hold.status === 'ACTIVE' ? '' : 'text-zinc-400 dark:text-zinc-500'}`}
            >
              <span className="w-14 text-xs font-semibold tabular-nums">
                {hold.status === 'ACTIVE' ? ordinal(hold.rank) : ''}
              </span>
              <a href={`#/requests/${hold.requestId}`} className="hover:underline">
                {hold.artistName}
              </a>
              <span className="truncate text-xs text-zinc-500">{hold.eventTitle}</span>
              {hold.requestId === requestId && (
                <span className="text-xs text-indigo-600 dark:text-indigo-400">this request</span>
              )}
              {hold.status !== 'ACTIVE' && <StatusBadge status={hold.status} />}
              {hold.challengedByHoldId && hold.status === 'ACTIVE' && (
                <span className="text-xs text-red-700 dark:text-red-400">challenged</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
