// Rules several mutations share.
import { isVenueStaff, type Role } from '../roles.js';
import type { Row, RowReader } from './define.js';
import { RuleViolation, mustGet } from './define.js';

/** A settled event's paperwork is final: its tasks, terms and fields no longer change. */
export async function editableEvent(read: RowReader, eventId: string): Promise<Row> {
  const event = await mustGet(read, 'events', eventId, 'the event');
  if (event.status === 'SETTLED')
    throw new RuleViolation(`“${String(event.title)}” is settled and can no longer be edited`);
  return event;
}

/** Tasks are given to the venue's own people only: not to strangers, not to the outside promoter. */
export async function mustBeVenueStaff(read: RowReader, userId: string): Promise<void> {
  const [membership] = await read.where('memberships', { user_id: userId });
  if (!membership) throw new RuleViolation('the assignee is not a member of this organization');
  if (!isVenueStaff(membership.role as Role)) {
    throw new RuleViolation(
      `${String(membership.user_name || 'the assignee')} is a promoter: tasks go to the venue's own people (owners, managers and staff)`,
    );
  }
}
