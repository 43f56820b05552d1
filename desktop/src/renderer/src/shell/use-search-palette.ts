// Whether the search palette is open: Ctrl/Cmd-K opens it from anywhere in the window.
import { useEffect, useState } from 'react';
import { useBridge } from '../data/bridge-context.js';

export function useSearchPalette(): [open: boolean, setOpen: (open: boolean) => void] {
  const bridge = useBridge();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    // in Electron the menu accelerator takes Cmd/Ctrl-K first and says so with this signal
    const unsubscribe = bridge.on('shell.openSearch', () => setOpen(true));
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [bridge]);
  return [open, setOpen];
}
