// Alt+W counts a walk-up and Alt+Z undoes this device's last check-in wherever focus is on the
// door's screen, but not inside a dialog (a confirmation or the guest form keeps its keys).
import { useEffect, useRef } from 'react';

export function useDoorShortcuts(actions: { walkUp: () => void; undoLast: () => void }): void {
  // the listener is added once; the latest actions are read through the ref
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.code === 'KeyW') {
        event.preventDefault();
        latest.current.walkUp();
      } else if (event.code === 'KeyZ') {
        event.preventDefault();
        latest.current.undoLast();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
