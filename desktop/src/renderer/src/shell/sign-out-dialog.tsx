// Signing out with edits still on this computer: the core refuses (pending_changes) and says how
// many; the user either stays, or signs out knowing the edits wait here for their next sign-in.
import { buttonClass, dangerButtonClass } from '../ui/controls.js';
import { Dialog } from '../ui/dialog.js';

export function SignOutDialog({
  message,
  onStay,
  onSignOut,
}: {
  message: string;
  onStay: () => void;
  onSignOut: () => void;
}) {
  return (
    <Dialog title="Sign out with edits not uploaded?" onClose={onStay}>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{message}</p>
      <div className="mt-5 flex justify-end gap-2">
        {/* first, so the dialog opens with the safe choice focused */}
        <button type="button" className={buttonClass} onClick={onStay}>
          Stay signed in
        </button>
        <button type="button" className={dangerButtonClass} onClick={onSignOut}>
          Sign out anyway
        </button>
      </div>
    </Dialog>
  );
}
