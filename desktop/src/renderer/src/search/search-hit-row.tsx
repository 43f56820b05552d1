// One hit in the search palette: its kind, its title and a line of details in words.
import { useFormat } from '../format/use-format.js';
import { hitDetails, kindLabel, type SearchHit } from './hit-text.js';

export function SearchHitRow({
  id,
  hit,
  active,
  onPoint,
  onOpen,
}: {
  id: string;
  hit: SearchHit;
  active: boolean;
  /** the mouse moved onto the row */
  onPoint: () => void;
  onOpen: () => void;
}) {
  const f = useFormat();
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      // Chromium sends a mousemove without movement when the list changes under a still
      // pointer; only a real move of the mouse may take the selection from the keyboard
      onMouseMove={(event) => (event.movementX || event.movementY) && onPoint()}
      onClick={onOpen}
      className="flex cursor-pointer items-center gap-3 px-4 py-2 text-sm aria-selected:bg-indigo-50 dark:aria-selected:bg-indigo-950"
    >
      <span className="w-16 shrink-0 text-[11px] font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-300">
        {kindLabel[hit.kind]}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{hit.title}</span>
        <span className="block truncate text-xs text-zinc-600 dark:text-zinc-300">{hitDetails(hit, f)}</span>
      </span>
    </li>
  );
}
