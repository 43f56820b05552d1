// Checklists: an organization's task templates and the tasks made from them for each event
// (shared/migrations/0003_show.sql).
import { z } from 'zod';
import { Role } from '../roles.js';
import { bool, calendarDate, int, text, timestamp, uuid } from './fields.js';

export const TaskTemplateRow = z.object({
  id: uuid,
  organization_id: uuid,
  title: text({ min: 1, max: 200 }),
  description: text({ max: 5000 }).nullable(),
  /** the task falls due this many days before the show, in the venue's timezone */
  default_due_days: int({ min: 0, max: 365 }),
  default_role: Role.nullable(),
  position: int(),
  active: bool,
  created_at: timestamp,
  updated_at: timestamp,
});
export type TaskTemplateRow = z.output<typeof TaskTemplateRow>;

export const EventTaskRow = z.object({
  id: uuid,
  organization_id: uuid,
  event_id: uuid,
  template_id: uuid.nullable(),
  title: text({ min: 1, max: 200 }),
  description: text({ max: 5000 }).nullable(),
  assignee_user_id: uuid.nullable(),
  due_date: calendarDate.nullable(),
  completed_at: timestamp.nullable(),
  completed_by: uuid.nullable(),
  position: int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type EventTaskRow = z.output<typeof EventTaskRow>;
