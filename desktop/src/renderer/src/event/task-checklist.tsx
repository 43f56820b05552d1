// The event's checklist: what has to happen to get the show on stage, in order. Every change is
// an edit the core applies at once and uploads later, so ticking, renaming or reordering works
// the same offline; the order shown while a move is on its way is the one the user made.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import { usePendingValue } from '../data/use-pending-value.js';
import { todayInZone } from '../format/venue-time.js';
import { ErrorNote, inputClass, Section } from '../ui/controls.js';
import type { EditRights } from './edit-rights.js';
import { TaskRow, type RunTaskEdit, type Task } from './task-row.js';

type EventDetail = CommandResult<'events.get'>;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** the tasks in `order`, with any not in it (added meanwhile) after them */
function inOrder(tasks: readonly Task[], order: readonly string[]): Task[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const listed = order.filter((id) => byId.has(id));
  const rest = tasks.filter((task) => !listed.includes(task.id)).map((task) => task.id);
  return [...listed, ...rest].map((id) => byId.get(id)!);
}

export function TaskChecklist({ event, rights }: { event: EventDetail; rights: EditRights }) {
  const edit = useEdit();
  const [refusal, setRefusal] = useState<CommandError>();
  const [draft, setDraft] = useState('');
  const [dragId, setDragId] = useState<string>();
  const [overId, setOverId] = useState<string>();
  const refocus = useRef<HTMLElement | null>(null);

  const synced = useMemo(() => event.tasks.map((task) => task.id), [event.tasks]);
  const [order, applyOrder] = usePendingValue<readonly string[]>(synced, sameIds);
  const tasks = inOrder(event.tasks, order);
  const done = tasks.filter((task) => task.completedAt).length;
  const today = todayInZone(event.venue.timezone);

  const run = useCallback<RunTaskEdit>(
    async (name, args) => {
      const refused = await edit(name, args);
      setRefusal(refused);
      return !refused;
    },
    [edit],
  );

  function moveTo(taskId: string, to: number) {
    const ids = tasks.map((task) => task.id);
    const from = ids.indexOf(taskId);
    if (from < 0 || to < 0 || to >= ids.length || to === from) return;
    ids.splice(to, 0, ...ids.splice(from, 1));
    // React moves the row's element, which takes the focus away from it: give it back
    refocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    void applyOrder(ids, () => run('task.reorder', { eventId: event.id, taskIds: ids }));
  }

  useLayoutEffect(() => {
    const element = refocus.current;
    refocus.current = null;
    if (element?.isConnected && document.activeElement !== element) element.focus();
  }, [order]);

  async function add(submit: FormEvent) {
    submit.preventDefault();
    const title = draft.trim();
    if (!title) return;
    setDraft('');
    const made = await run('task.create', { taskId: crypto.randomUUID(), eventId: event.id, title });
    if (!made) setDraft(title);
  }

  return (
    <Section title="Tasks" aside={`${done} of ${tasks.length} done`}>
      {tasks.length === 0 ? (
        <p className="py-1 text-sm text-zinc-500">No tasks yet.</p>
      ) : (
        <ul aria-label="Tasks" className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {tasks.map((task, index) => (
            <TaskRow
              key={task.id}
              task={task}
              members={event.members}
              rights={rights}
              today={today}
              run={run}
              onMove={(by) => moveTo(task.id, index + by)}
              drag={{
                dragging: dragId === task.id,
                over: overId === task.id && dragId !== task.id,
                onStart: (drag) => {
                  drag.dataTransfer.effectAllowed = 'move';
                  drag.dataTransfer.setData('text/plain', task.title);
                  setDragId(task.id);
                },
                onOver: (drag) => {
                  if (!dragId) return;
                  drag.preventDefault();
                  drag.dataTransfer.dropEffect = 'move';
                  setOverId(task.id);
                },
                onDrop: (drag) => {
                  if (!dragId) return;
                  drag.preventDefault();
                  moveTo(dragId, index);
                  setDragId(undefined);
                  setOverId(undefined);
                },
                onEnd: () => {
                  setDragId(undefined);
                  setOverId(undefined);
                },
              }}
            />
          ))}
        </ul>
      )}
      {rights.tasks && (
        <form onSubmit={(submit) => void add(submit)} className="mt-2">
          <input
            aria-label="New task"
            placeholder="Add a task and press Enter"
            value={draft}
            maxLength={200}
            onChange={(change) => setDraft(change.target.value)}
            className={inputClass}
          />
        </form>
      )}
      {refusal && (
        <div className="mt-2">
          <ErrorNote error={refusal} />
        </div>
      )}
      {rights.tasks && tasks.length > 1 && (
        <p className="mt-2 text-[11px] text-zinc-400 dark:text-zinc-500">
          Space ticks off · Enter edits the title · Alt+↑/↓ moves the task
        </p>
      )}
    </Section>
  );
}
