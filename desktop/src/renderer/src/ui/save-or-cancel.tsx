// The two buttons that end every edit form: submit (off while saving) and cancel. A fragment, so
// each form keeps its own row around them.
import { buttonClass, primaryButtonClass } from './controls.js';

export function SaveOrCancel({
  saving,
  onCancel,
  saveLabel = 'Save',
}: {
  saving: boolean;
  onCancel: () => void;
  saveLabel?: string;
}) {
  return (
    <>
      <button type="submit" className={primaryButtonClass} disabled={saving}>
        {saveLabel}
      </button>
      <button type="button" className={buttonClass} onClick={onCancel}>
        Cancel
      </button>
    </>
  );
}
