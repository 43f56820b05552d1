// The organization's task templates, and each show's checklist made from them: steps due so many
// days before the show, mostly done once their day has passed, and now and then a step of the
// show's own.
import type { RowOf } from '@promoteros/shared';
import { addDays, venueInstant } from './venue-time.js';
import { DAY, HOUR, iso, membersWith, type DemoPlan, type PlanClock, type PlannedOrganization } from './plan-types.js';
import type { ShowContext } from './plan-show.js';

const templateCatalogue: ReadonlyArray<{
  title: string;
  description: string | null;
  days: number;
  role: 'MANAGER' | 'STAFF' | 'PROMOTER';
  active?: boolean;
}> = [
  {
    title: 'Send confirmation to the agent',
    description: 'Deal memo and confirmation PDF.',
    days: 60,
    role: 'MANAGER',
  },
  { title: 'Announce and put tickets on sale', description: null, days: 45, role: 'PROMOTER' },
  {
    title: 'Collect tech and hospitality riders',
    description: 'Chase the tour manager if missing.',
    days: 30,
    role: 'MANAGER',
  },
  {
    title: 'Advance call with the tour manager',
    description: 'Schedule, parking, guest list allotment, settlement contact.',
    days: 14,
    role: 'MANAGER',
  },
  { title: 'Schedule security and stagehands', description: null, days: 7, role: 'STAFF' },
  { title: 'Build the guest list', description: 'Cut-off 17:00 on show day.', days: 2, role: 'STAFF' },
  { title: 'Print the day sheet', description: null, days: 1, role: 'STAFF' },
  {
    title: 'Settle the show',
    description: 'Count the drop, enter expense actuals, sign off with the tour manager.',
    days: 0,
    role: 'MANAGER',
  },
  {
    title: 'Book hotel rooms for the crew',
    description: 'No longer offered since 2024.',
    days: 21,
    role: 'MANAGER',
    active: false,
  },
];

const extraTasks = [
  'Confirm wheelchair platform',
  'Arrange barricade hire',
  'Extra security for the all-ages show',
  'Order merch table and float',
  'Confirm support act travel',
];

export function planTemplates(plan: DemoPlan, clock: PlanClock, org: PlannedOrganization): RowOf<'task_templates'>[] {
  const created = iso(clock.anchor - 400 * DAY);
  return templateCatalogue.map((t, position) => {
    const row: RowOf<'task_templates'> = {
      id: clock.random.uuid(),
      organization_id: org.id,
      title: t.title,
      description: t.description,
      default_due_days: t.days,
      default_role: t.role,
      position,
      active: t.active ?? true,
      created_at: created,
      updated_at: created,
    };
    plan.task_templates.push(row);
    return row;
  });
}

export function planChecklist(show: ShowContext, templates: readonly RowOf<'task_templates'>[]): void {
  const { r, ev, event, clock, plan } = show;
  const org = show.venue.organization;
  let position = 0;
  for (const template of templates.filter((t) => t.active)) {
    const due = addDays(ev.show_date, -template.default_due_days);
    const assignee = assigneeFor(org, template.default_role, r);
    const dueInstant = venueInstant(due, '15:00', show.tz).getTime();
    const done = due < clock.today ? r.chance(0.92) : r.chance(0.15);
    const completedAt = Math.max(
      event.bookedAt + HOUR,
      Math.min(dueInstant - r.int(0, 72) * HOUR, clock.anchor - HOUR),
    );
    plan.event_tasks.push({
      id: r.uuid(),
      organization_id: org.id,
      event_id: ev.id,
      template_id: template.id,
      title: template.title,
      description: template.description,
      assignee_user_id: assignee,
      due_date: due,
      completed_at: done ? iso(completedAt) : null,
      completed_by: done ? assignee : null,
      position: position++,
      created_at: iso(event.bookedAt),
      updated_at: iso(done ? completedAt : event.bookedAt),
    });
  }
  if (r.chance(0.2)) {
    plan.event_tasks.push({
      id: r.uuid(),
      organization_id: org.id,
      event_id: ev.id,
      template_id: null,
      title: r.pick(extraTasks),
      description: null,
      assignee_user_id: r.pick(membersWith(org, 'MANAGER')).userId,
      due_date: addDays(ev.show_date, -3),
      completed_at: null,
      completed_by: null,
      position: position++,
      created_at: iso(event.bookedAt),
      updated_at: iso(event.bookedAt),
    });
  }
}

// A promoter's step on the checklist is chased by a manager: tasks go to the venue's own people
// (shared/src/mutations/rules.ts), never to the outside promoter.
function assigneeFor(
  org: PlannedOrganization,
  role: RowOf<'task_templates'>['default_role'],
  r: PlanClock['random'],
): string {
  return r.pick(membersWith(org, !role || role === 'PROMOTER' ? 'MANAGER' : role)).userId;
}
