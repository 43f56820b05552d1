// The edits a convergence schedule makes: each picks its target from what the device sees in its
// own replica at that moment, as a person at that device would.
import { randomUUID } from 'node:crypto';
import { nextStatuses } from '@promoteros/shared/mutations';

type RequestStatus = Parameters<typeof nextStatuses>[0];
import type { TestDevice } from '@promoteros/desktop/core/testing/test-device';

export const editKinds = [
  'task.create',
  'task.rename',
  'task.due',
  'task.complete',
  'task.reopen',
  'task.remove',
  'task.reorder',
  'event.notes',
  'dealTerms.set',
  'hold.place',
  'hold.release',
  'request.setStatus',
] as const;
export type EditKind = (typeof editKinds)[number];

export interface Stage {
  readonly eventId: string;
  readonly requestId: string;
}

export interface PlannedEdit {
  readonly name: string;
  readonly args: Record<string, unknown>;
}

const words = ['load-in', 'rider', 'settlement', 'guest list', 'merch', 'backline', 'parking', 'catering'];

/** the mutation a device would send for this kind of edit, or undefined when it has nothing to act on */
export async function planEdit(
  device: TestDevice,
  stage: Stage,
  kind: EditKind,
  pick: number,
): Promise<PlannedEdit | undefined> {
  const tasks = await device.replica.query<{ id: string; completed: boolean }>(
    `SELECT id::text, completed_at IS NOT NULL AS completed FROM event_tasks WHERE event_id = $1 ORDER BY position, id`,
    [stage.eventId],
  );
  const task = tasks.length > 0 ? tasks[pick % tasks.length] : undefined;
  const word = words[pick % words.length]!;
  switch (kind) {
    case 'task.create':
      return { name: kind, args: { taskId: randomUUID(), eventId: stage.eventId, title: `Check ${word} ${pick}` } };
    case 'task.rename':
      return task && { name: 'task.update', args: { taskId: task.id, title: `Confirm ${word} ${pick}` } };
    case 'task.due':
      return (
        task && {
          name: 'task.update',
          args: { taskId: task.id, dueDate: `2026-12-${String(1 + (pick % 28)).padStart(2, '0')}` },
        }
      );
    case 'task.complete':
    case 'task.reopen':
    case 'task.remove':
      return task && { name: kind, args: { taskId: task.id } };
    case 'task.reorder':
      return tasks.length > 1
        ? { name: kind, args: { eventId: stage.eventId, taskIds: tasks.map((t) => t.id).reverse() } }
        : undefined;
    case 'event.notes':
      return { name: 'event.update', args: { eventId: stage.eventId, notes: `Bring ${word} (${pick})` } };
    case 'dealTerms.set':
      return {
        name: kind,
        args: {
          eventId: stage.eventId,
          dealTermsId: randomUUID(),
          dealType: 'FLAT',
          guaranteeCents: 100_000 + pick * 100,
        },
      };
    case 'hold.place':
      return {
        name: kind,
        args: {
          holdId: randomUUID(),
          requestId: stage.requestId,
          holdDate: `2027-01-${String(1 + (pick % 3)).padStart(2, '0')}`,
        },
      };
    case 'hold.release': {
      const holds = await device.replica.query<{ id: string }>(
        `SELECT id::text FROM holds WHERE request_id = $1 AND status = 'ACTIVE' ORDER BY hold_date, rank, id`,
        [stage.requestId],
      );
      const hold = holds.length > 0 ? holds[pick % holds.length] : undefined;
      return hold && { name: kind, args: { holdId: hold.id, reason: 'the date moved' } };
    }
    case 'request.setStatus': {
      const [request] = await device.replica.query<{ status: RequestStatus }>(
        'SELECT status FROM event_requests WHERE id = $1',
        [stage.requestId],
      );
      const choices = request ? nextStatuses(request.status).filter((s) => s !== 'SCHEDULED') : [];
      if (choices.length === 0) return undefined;
      const toStatus = choices[pick % choices.length]!;
      return {
        name: kind,
        args: {
          requestId: stage.requestId,
          decisionId: randomUUID(),
          toStatus,
          note: toStatus === 'DECLINED' ? 'the date is taken' : null,
          expectedStatus: request!.status,
        },
      };
    }
  }
}
