// Settings, for owners and managers: the organization's locale, the checklist template, and for
// owners the emails the relay gave up on and the audit log's verification.
import type { Role } from '../event/edit-rights.js';
import { AuditVerificationPanel } from '../settings/audit-verification.js';
import { DeliveryProblemsPanel } from '../settings/delivery-problems.js';
import { LocaleSetting } from '../settings/locale-setting.js';
import { TaskTemplatesPanel } from './task-templates.js';

export function SettingsScreen({ role }: { role: Role | undefined }) {
  return (
    <div className="mx-auto max-w-4xl space-y-5 p-5">
      <h1 className="text-xl font-semibold">Settings</h1>
      <LocaleSetting role={role} />
      <TaskTemplatesPanel role={role} />
      {role === 'OWNER' && (
        <>
          <DeliveryProblemsPanel />
          <AuditVerificationPanel />
        </>
      )}
    </div>
  );
}
