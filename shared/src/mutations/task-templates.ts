// The organization's checklist template: the tasks every new event starts with (send the
// advance sheet 14 days before, print wristbands 2 days before …). Editing a template changes
// the checklists of events confirmed from then on, never those of events that already have one.
import { z } from 'zod';
import { roles } from '../roles.js';
import { bool, int, oneOf, text, uuid } from '../entities/fields.js';
import { defineMutation, mustGet, RuleViolation, type Row } from './define.js';
import { orderedIds, reorderWrites } from './reorder.js';

const title = text({ min: 1, max: 200 });
const description = text({ max: 5000 }).nullable();
/** the task falls due this many calendar days before the show, at the venue */
const defaultDueDays = int({ min: 0, max: 365 });
/** who usually does it (a hint for assigning; tasks are assigned to people) */
const defaultRole = oneOf(roles).nullable();

export const taskTemplateCreate = defineMutation({
  name: 'taskTemplate.create',
  minimumRole: 'MANAGER',
  args: z.object({
    /** made by the device, so the optimistic row and the relay's row are the same row */
    templateId: uuid,
    title,
    description: description.optional(),
    defaultDueDays,
    defaultRole: defaultRole.optional(),
  }),
  subject: (args) => ({ table: 'task_templates', id: args.templateId }),
  describe: (args) => `Add “${args.title}” to the checklist template`,
  async plan(args, context, read) {
    if (await read.get('task_templates', args.templateId))
      throw new RuleViolation('a task template with this id already exists');
    const last = (await read.where('task_templates', {}, 'position')).at(-1);
    return [
      {
        op: 'insert',
        table: 'task_templates',
        row: {
          id: args.templateId,
          title: args.title,
          description: args.description ?? null,
          default_due_days: args.defaultDueDays,
          default_role: args.defaultRole ?? null,
          // a new template goes to the end of the checklist
          position: last ? Number(last.position) + 1 : 0,
          active: true,
          created_at: context.at,
          updated_at: context.at,
        },
      },
    ];
  },
});

export const taskTemplateUpdate = defineMutation({
  name: 'taskTemplate.update',
  minimumRole: 'MANAGER',
  args: z
    .object({
      templateId: uuid,
      title: title.optional(),
      description: description.optional(),
      defaultDueDays: defaultDueDays.optional(),
      defaultRole: defaultRole.optional(),
      /** false: new events no longer get this task (kept, so it can be switched on again) */
      active: bool.optional(),
    })
    .refine((a) => Object.keys(a).length > 1, 'name at least one field to change'),
  subject: (args) => ({ table: 'task_templates', id: args.templateId }),
  describe: (args) => {
    if (args.active === false) return 'Switch off a task template';
    return `Edit a task template${args.title ? ` (“${args.title}”)` : ''}`;
  },
  async plan(args, context, read) {
    const template = await mustGet(read, 'task_templates', args.templateId, 'the task template');
    // only what differs from the row: another device's edit of the other fields stays
    const set: Row = {};
    const fields = [
      ['title', args.title],
      ['description', args.description],
      ['default_due_days', args.defaultDueDays],
      ['default_role', args.defaultRole],
      ['active', args.active],
    ] as const;
    for (const [column, value] of fields) if (value !== undefined && value !== template[column]) set[column] = value;
    if (Object.keys(set).length === 0) return [];
    return [{ op: 'update', table: 'task_templates', id: args.templateId, set: { ...set, updated_at: context.at } }];
  },
});

export const taskTemplateRemove = defineMutation({
  name: 'taskTemplate.remove',
  minimumRole: 'MANAGER',
  args: z.object({ templateId: uuid }),
  subject: (args) => ({ table: 'task_templates', id: args.templateId }),
  describe: () => 'Remove a task template',
  async plan(args, _context, read) {
    // removed already: nothing to do. Tasks made from it stay on their events (template_id
    // becomes null in the database).
    if (!(await read.get('task_templates', args.templateId))) return [];
    return [{ op: 'delete', table: 'task_templates', id: args.templateId }];
  },
});

export const taskTemplateReorder = defineMutation({
  name: 'taskTemplate.reorder',
  minimumRole: 'MANAGER',
  args: z.object({
    /** the templates in their new order; templates left out keep their order after these */
    templateIds: orderedIds('template'),
  }),
  subject: (args) => ({ table: 'task_templates', id: args.templateIds[0]! }),
  describe: () => 'Reorder the checklist template',
  async plan(args, context, read) {
    const templates = await read.where('task_templates', {}, 'position');
    // all of them removed meanwhile: the order stays as it is
    if (!args.templateIds.some((id) => templates.some((t) => t.id === id))) return [];
    return reorderWrites('task_templates', templates, args.templateIds, context.at);
  },
});
