// A reference model of the outbox (docs/local-first-edits.md) over the checklist model: per
// device, the synced rows it last received, its pending edits in the order made, and the edits
// the relay refused; on the relay's side, the rows, each member's role and the ledger. The model
// says what the real outbox, replica and PostgreSQL must show after each step of a model-based
// test (desktop/src/core/outbox/model-based.test.ts):
//   - an edit is planned against the device's view (synced rows + its pending writes) and either
//     refused at once (nothing queued) or queued with its writes, in order;
//   - delivery sends the queue in order; the relay checks, for each edit, the member's role read
//     now, then the refused edits it builds on, then the rules against its own rows;
//   - an applied edit is in the ledger once and shows in every device's rows once it syncs; a
//     refused one leaves no trace in any rows and waits on its device with the relay's reason.
import { roleAtLeast, type Role } from '@promoteros/shared';
import {
  applyWrites,
  minimumRoleOf,
  mutationOf,
  namedIds,
  planEdit,
  type Rows,
  type TaskEdit,
  type Write,
} from './checklist-model.js';

export interface QueuedEdit {
  readonly mutationId: string;
  readonly edit: TaskEdit;
  readonly writes: readonly Write[];
  /** the pending edits it builds on: those inserting a row it names (the relay refuses it with them) */
  readonly after: readonly string[];
}

export type RefusalCode = 'forbidden' | 'depends_on_refused' | 'rule';

export interface RefusedEdit {
  readonly mutationId: string;
  readonly edit: TaskEdit;
  readonly code: RefusalCode;
  /** the relay's reason, or a pattern it matches where the relay words it */
  readonly reason: string | RegExp;
}

export interface DeviceModel {
  readonly userId: string;
  online: boolean;
  /** the rows as the device last synced them */
  synced: Rows;
  pending: QueuedEdit[];
  refused: RefusedEdit[];
}

export interface OutboxModel {
  server: Rows;
  /** each member's role as the relay reads it now */
  readonly roles: Record<string, Role>;
  readonly devices: readonly DeviceModel[];
  /** the ledger: every edit the relay answered, by id */
  readonly ledger: Map<string, 'APPLIED' | RefusalCode>;
}

/** what the device's screens show: its synced rows with its pending edits laid over them */
export const viewOf = (device: DeviceModel): Rows =>
  device.pending.reduce((rows, queued) => applyWrites(rows, queued.writes), device.synced);

/** The device makes an edit: the violation it is refused with at once, or the plan it queues. */
export function planOnDevice(
  device: DeviceModel,
  edit: TaskEdit,
): { violation: string } | Omit<QueuedEdit, 'mutationId'> {
  const plan = planEdit(edit, viewOf(device), device.userId);
  if ('violation' in plan) return plan;
  const named = new Set(namedIds(edit));
  const after = device.pending
    .filter((q) => q.writes.some((w) => w.op === 'insert' && named.has(w.task.id)))
    .map((q) => q.mutationId);
  return { edit, writes: plan.writes, after };
}

/** The relay answers the device's whole queue, in order; the device is then up to date. */
export function deliver(model: OutboxModel, device: DeviceModel): void {
  for (const queued of device.pending) {
    const refusal = relayRefusal(model, device, queued);
    if (refusal) {
      model.ledger.set(queued.mutationId, refusal.code);
      device.refused.push({ mutationId: queued.mutationId, edit: queued.edit, ...refusal });
      continue;
    }
    const plan = planEdit(queued.edit, model.server, device.userId);
    if ('violation' in plan) {
      model.ledger.set(queued.mutationId, 'rule');
      device.refused.push({ mutationId: queued.mutationId, edit: queued.edit, code: 'rule', reason: plan.violation });
      continue;
    }
    model.server = applyWrites(model.server, plan.writes);
    model.ledger.set(queued.mutationId, 'APPLIED');
  }
  device.pending = [];
}

/** the relay's gate, before the plan: the role read now, then the refused edits this one builds on */
function relayRefusal(
  model: OutboxModel,
  device: DeviceModel,
  queued: QueuedEdit,
): Pick<RefusedEdit, 'code' | 'reason'> | undefined {
  const role = model.roles[device.userId]!;
  if (!roleAtLeast(role, minimumRoleOf(queued.edit))) {
    return { code: 'forbidden', reason: new RegExp(`^only .+; your role here is ${role}$`) };
  }
  const refused = queued.after.find((id) => model.ledger.has(id) && model.ledger.get(id) !== 'APPLIED');
  if (refused === undefined) return undefined;
  // refused earlier in this same delivery: the edits it builds on are its device's own
  const builtOn = device.refused.find((r) => r.mutationId === refused)!.edit;
  return {
    code: 'depends_on_refused',
    reason: `it builds on an earlier change (${mutationOf(builtOn).name} ${refused}) that was refused`,
  };
}

/** Every online device has synced what the relay holds. */
export function syncOnline(model: OutboxModel): void {
  for (const device of model.devices) if (device.online) device.synced = model.server;
}
