// The organization's task templates in their order: what every confirmed event's checklist starts with.
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';

type TaskTemplate = CommandResult<'taskTemplates.list'>[number];

export async function listTaskTemplates(replica: Replica, organizationId: string): Promise<TaskTemplate[]> {
  const rows = await replica.query<{
    id: string;
    title: string;
    description: string | null;
    default_due_days: number;
    default_role: TaskTemplate['defaultRole'];
    position: number;
    active: boolean;
  }>(
    `SELECT id, title, description, default_due_days, default_role, position, active
       FROM task_templates WHERE organization_id = $1 ORDER BY position, title, id`,
    [organizationId],
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    defaultDueDays: row.default_due_days,
    defaultRole: row.default_role,
    position: row.position,
    active: row.active,
  }));
}
