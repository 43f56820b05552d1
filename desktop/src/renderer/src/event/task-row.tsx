// One task of the checklist, every part usable from the keyboard: the checkbox (Space ticks it
// off), the title (Enter or a click edits it in place: Enter saves, Escape cancels), the
// assignee, the due date (saved on Enter or when focus leaves), Remove for managers, and the
// handle to drag it or move it with Alt+↑/↓ (from anywhere in the row).
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import type { RunEdit } from '../data/use-edit.js';
import { usePendingValue } from '../data/use-pending-value.js';
import type { EditRights } from './edit-rights.js';
import { useFormat } from '../format/use-format.js';

type EventDetail = CommandResult<'events.get'>;
export type Task = EventDetail['tasks'][number];
type Member = EventDetail['members'][number];

/** an edit of the checklist; false when it was refused (the checklist shows why) */
export type RunTaskEdit = RunEdit<boolean>;

export interface TaskDrag {
  readonly dragging: boolean;
  readonly over: boolean;
  onStart(event: DragEvent): void;
  onOver(event: DragEvent): void;
  onDrop(event: DragEvent): void;
  onEnd(): void;
}

const quietControl =
  'rounded border border-transparent bg-transparent px-1 py-0.5 text-xs hover:border-zinc-300 focus:border-zinc-300 ' +
  'disabled:hover:border-transparent dark:hover:border-zinc-700 dark:focus:border-zinc-700';

export function TaskRow({
  task,
  members,
  rights,
  today,
  run,
  onMove,
  drag,
}: {
  task: Task;
  members: readonly Member[];
  rights: EditRights;
  today: string;
  run: RunTaskEdit;
  /** move by one place up (-1) or down (1) */
  onMove: (by: -1 | 1) => void;
  drag: TaskDrag;
}) {
  const [done, applyDone] = usePendingValue(task.completedAt !== null);
  const [title, applyTitle] = usePendingValue(task.title);
  const [assignee, applyAssignee] = usePendingValue(task.assigneeUserId);
  const row = useRef<HTMLLIElement>(null);

  const onKeyDown = (key: KeyboardEvent) => {
    if (!rights.tasks || !key.altKey || (key.key !== 'ArrowUp' && key.key !== 'ArrowDown')) return;
    key.preventDefault();
    onMove(key.key === 'ArrowUp' ? -1 : 1);
  };

  const assigneeKnown = task.assigneeUserId === null || members.some((m) => m.userId === task.assigneeUserId);

  return (
    <li
      ref={row}
      data-task-id={task.id}
      onKeyDown={onKeyDown}
      onDragOver={drag.onOver}
      onDrop={drag.onDrop}
      className={`group flex items-center gap-2 py-1 text-sm ${drag.dragging ? 'opacity-40' : ''} ${drag.over ? 'shadow-[inset_0_2px_0_var(--color-indigo-500)]' : ''}`}
    >
      {rights.tasks && (
        <button
          type="button"
          draggable
          onDragStart={(event) => {
            if (row.current) event.dataTransfer.setDragImage(row.current, 12, 12);
            drag.onStart(event);
          }}
          onDragEnd={drag.onEnd}
          onKeyDown={(key) => {
            // on the handle itself the arrows alone move the task
            if (!key.altKey && (key.key === 'ArrowUp' || key.key === 'ArrowDown')) {
              key.preventDefault();
              onMove(key.key === 'ArrowUp' ? -1 : 1);
            }
          }}
          aria-label={`Move “${title}”`}
          title="Drag, or press Alt+↑ / Alt+↓ to move"
          className="cursor-grab px-0.5 text-zinc-400 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 focus:opacity-100 dark:text-zinc-500"
        >
          <span aria-hidden>⠿</span>
        </button>
      )}
      <input
        type="checkbox"
        aria-label={title}
        checked={done}
        disabled={!rights.tasks}
        onChange={(change) => {
          const next = change.target.checked;
          void applyDone(next, () => run(next ? 'task.complete' : 'task.reopen', { taskId: task.id }));
        }}
        className="size-4 shrink-0 accent-emerald-600"
      />
      <TaskTitle
        title={title}
        done={done}
        editable={rights.tasks}
        onRename={(next) => void applyTitle(next, () => run('task.update', { taskId: task.id, title: next }))}
      />
      {done && task.completedBy && (
        <span className="hidden text-xs text-zinc-400 sm:inline dark:text-zinc-500">✓ {task.completedBy}</span>
      )}
      <span className="ml-auto flex shrink-0 items-center gap-1">
        <select
          aria-label={`Assignee of “${title}”`}
          value={assignee ?? ''}
          disabled={!rights.tasks}
          onChange={(change) => {
            const next = change.target.value || null;
            void applyAssignee(next, () => run('task.update', { taskId: task.id, assigneeUserId: next }));
          }}
          className={`${quietControl} max-w-36 text-zinc-600 dark:text-zinc-300`}
        >
          <option value="">Unassigned</option>
          {!assigneeKnown && <option value={task.assigneeUserId!}>{task.assignee ?? 'Former member'}</option>}
          {members.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
        </select>
        <DueDate task={task} done={done} today={today} editable={rights.tasks} run={run} />
        {rights.removeTasks && (
          <button
            type="button"
            aria-label={`Remove “${title}”`}
            title="Remove task"
            onClick={() => void run('task.remove', { taskId: task.id })}
            className="rounded px-1 text-zinc-400 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 hover:bg-red-50 hover:text-red-700 focus:opacity-100 dark:hover:bg-red-950 dark:hover:text-red-400"
          >
            <span aria-hidden>✕</span>
          </button>
        )}
      </span>
    </li>
  );
}

function TaskTitle({
  title,
  done,
  editable,
  onRename,
}: {
  title: string;
  done: boolean;
  editable: boolean;
  onRename: (title: string) => void;
}) {
  const [draft, setDraft] = useState<string | undefined>();
  const button = useRef<HTMLButtonElement>(null);
  // after Enter or Escape the keyboard stays on the title; after a click elsewhere it does not
  const refocus = useRef(false);
  const finished = useRef(false);

  useEffect(() => {
    if (draft === undefined && refocus.current) {
      refocus.current = false;
      button.current?.focus();
    }
  }, [draft]);

  const style = `min-w-0 truncate text-left ${done ? 'text-zinc-500 line-through dark:text-zinc-400' : ''}`;
  if (!editable) return <span className={style}>{title}</span>;

  if (draft === undefined) {
    return (
      <button
        ref={button}
        type="button"
        title="Edit the title (Enter)"
        onClick={() => {
          finished.current = false;
          setDraft(title);
        }}
        className={`${style} rounded px-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800`}
      >
        {title}
      </button>
    );
  }

  const finish = (save: boolean, viaKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    refocus.current = viaKeyboard;
    const next = draft.trim();
    if (save && next !== '' && next !== title) onRename(next);
    setDraft(undefined);
  };

  return (
    <input
      autoFocus
      aria-label="Task title"
      value={draft}
      maxLength={200}
      onChange={(change) => setDraft(change.target.value)}
      onKeyDown={(key) => {
        if (key.key === 'Enter') finish(true, true);
        else if (key.key === 'Escape') finish(false, true);
        else return;
        key.preventDefault();
        key.stopPropagation();
      }}
      onBlur={() => finish(true, false)}
      className="min-w-0 flex-1 rounded border border-indigo-400 bg-white px-1 py-0.5 text-sm dark:bg-zinc-900"
    />
  );
}

function DueDate({
  task,
  done,
  today,
  editable,
  run,
}: {
  task: Task;
  done: boolean;
  today: string;
  editable: boolean;
  run: RunTaskEdit;
}) {
  const f = useFormat();
  const [draft, setDraft] = useState(task.dueDate ?? '');
  // a change from elsewhere (sync, or our own edit coming back) replaces what the box shows
  useEffect(() => setDraft(task.dueDate ?? ''), [task.dueDate]);
  const overdue = !done && task.dueDate !== null && task.dueDate < today;

  const commit = () => {
    const next = draft === '' ? null : draft;
    if (next !== task.dueDate) void run('task.update', { taskId: task.id, dueDate: next });
  };

  if (!editable) {
    return (
      <span
        className={`text-xs tabular-nums ${overdue ? 'font-semibold text-red-700 dark:text-red-400' : 'text-zinc-500'}`}
      >
        {task.dueDate ? `${overdue ? 'overdue · ' : 'due '}${f.date(task.dueDate, 'short')}` : ''}
      </span>
    );
  }
  return (
    <input
      type="date"
      aria-label={`Due date of “${task.title}”${overdue ? ' (overdue)' : ''}`}
      title={overdue ? 'Overdue' : 'Due date'}
      value={draft}
      onChange={(change) => setDraft(change.target.value)}
      onBlur={commit}
      onKeyDown={(key) => {
        if (key.key === 'Enter') {
          key.preventDefault();
          commit();
        }
      }}
      className={`${quietControl} w-32 tabular-nums ${overdue ? 'font-semibold text-red-700 dark:text-red-400' : draft ? 'text-zinc-600 dark:text-zinc-300' : 'text-zinc-400 dark:text-zinc-500'}`}
    />
  );
}
