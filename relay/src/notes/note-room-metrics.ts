// What /metrics says of the note rooms: every store by how it ended (stored, failed and retried
// later, or the event gone), and the documents held in memory now.
import { Counter, Gauge, type Registry } from 'prom-client';

/** Registers the rooms' metrics; returns the stores' counter. `openRooms` is read at each scrape. */
export function noteRoomMetrics(registry: Registry, openRooms: () => number): Counter<'outcome'> {
  const registers = [registry];
  const stores = new Counter({
    name: 'promoteros_note_stores_total',
    help: 'Note documents written to PostgreSQL, by outcome (stored, failed, event_gone)',
    labelNames: ['outcome'],
    registers,
  });
  new Gauge({
    name: 'promoteros_note_rooms_open',
    help: 'Note documents held in memory by this relay (being edited, or holding unstored edits)',
    registers,
    collect() {
      this.set(openRooms());
    },
  });
  return stores;
}
