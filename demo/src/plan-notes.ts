// The shared notes of the shows about to happen: the advance notes agreed with the artist's team
// and, for the show tonight, its run of show, timed on the venue's clock from the event's own
// doors, show and curfew. Stored as the note rooms store them (docs/shared-notes.md): one Yjs
// update per document. The Yjs client id is drawn from the seed, so the bytes are the same for the
// same seed and day.
import * as Y from 'yjs';
import { ADVANCE_NOTES_TEXT, RUN_OF_SHOW_ROWS, type NoteName, type RunOfShowRow } from '@promoteros/shared/notes';
import { companyName, personName } from './names.js';
import { HOUR, iso, type DemoPlan, type PlanClock } from './plan-types.js';
import type { PlannedEvent } from './plan-booking.js';

/** shows this many days ahead have had their advance call, and so have notes */
const ADVANCED_DAYS = 7;

const supportActs = [
  'Juniper Hale',
  'The Low Tides',
  'Marlow Street',
  'Glass Orchard',
  'Sister Comet',
  'Dead Letter Club',
  'Wren & the Weather',
  'Paper Satellites',
];

const parking = [
  'Two bus bays on the loading dock from 11:00; trailer parks on the street with a permit from the box office.',
  'One nightliner in the lane behind the stage door; splitter van to the public car park (validated at the bar).',
  'Loading dock shared with the restaurant until 14:00: keep the bay clear for their deliveries before then.',
];

const hospitality = [
  'Rider as agreed: hot meal for 14 at 17:45, vegetarian and gluten-free options; dressing rooms 1 and 2.',
  'A meal buyout per head for the crew instead of catering; green room stocked per the rider, no glass on stage.',
  'Catering for 10 from 17:30; tour manager asked for quiet room for the band from 18:30 until the set.',
];

const merch = [
  'Merch 80/20 on soft goods, 100/0 on music; artist brings their own seller, venue provides the float.',
  'Merch sold by the venue: 75/25 on all items, count-in at doors, count-out after the set.',
  'No merch fee on music; 85/15 on soft goods. Stand by the bar, two tables.',
];

/** HH:MM on the venue's clock */
function clock(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
}

export function planNotes(plan: DemoPlan, clockOf: PlanClock, event: PlannedEvent): void {
  const r = clockOf.random;
  const { row: ev, venue } = event;
  if (ev.status !== 'CONFIRMED') return;
  const tz = venue.cast.timezone;
  const daysAhead = (Date.parse(ev.show_date) - Date.parse(clockOf.tonight(tz))) / 86_400_000;
  if (daysAhead < 0 || daysAhead > ADVANCED_DAYS) return;

  const tourManager = personName(r);
  const support = r.pick(supportActs);
  const doors = Date.parse(ev.doors_at);
  const show = Date.parse(ev.show_at);
  const ends = Date.parse(ev.ends_at);
  const advanceNotes = [
    `Advanced with ${tourManager} (tour manager, ${companyName(r)}).`,
    `Support: ${support}, 35 minutes.`,
    `Parking: ${r.pick(parking)}`,
    `Hospitality: ${r.pick(hospitality)}`,
    `Merch: ${r.pick(merch)}`,
    'Guest list cut-off 17:00; photo passes for the first three songs only, from the pit.',
    `Settlement with ${tourManager.split(' ')[0]} in the production office after the headline set.`,
  ].join('\n');
  const stored = iso(Math.min(Date.parse(ev.created_at) + 10 * 24 * HOUR, clockOf.anchor - HOUR));
  const doc = (name: NoteName, write: (doc: Y.Doc) => void) => {
    const document = new Y.Doc();
    // Yjs draws a random client id; a drawn one keeps the demo's bytes the same for its seed
    document.clientID = r.int(1, 0x7fff_ffff);
    write(document);
    plan.note_documents.push({
      organization_id: ev.organization_id,
      event_id: ev.id,
      name,
      state: Y.encodeStateAsUpdate(document),
      updated_at: stored,
    });
    document.destroy();
  };
  doc('ADVANCE_NOTES', (d) => d.getText(ADVANCE_NOTES_TEXT).insert(0, advanceNotes));
  if (!event.tonight) return;

  const supportOn = Math.max(doors + 15 * 60_000, show - 50 * 60_000);
  const set = r.pick([75, 90, 100, 110]);
  const rows: RunOfShowRow[] = [
    { at: clock(doors - 7 * HOUR, tz), item: `Load-in: ${ev.artist_name} crew and backline` },
    { at: clock(doors - 5 * HOUR, tz), item: 'Lights focus and line check' },
    { at: clock(doors - 4 * HOUR, tz), item: `Soundcheck: ${ev.artist_name}` },
    { at: clock(doors - 2.5 * HOUR, tz), item: `Soundcheck: ${support}` },
    { at: clock(doors - 1.25 * HOUR, tz), item: 'Crew meal' },
    { at: clock(doors - 0.5 * HOUR, tz), item: 'Doors briefing: security, box office, bars' },
    { at: clock(doors, tz), item: 'Doors' },
    { at: clock(supportOn, tz), item: `${support} (35 min)` },
    { at: clock(show, tz), item: `${ev.artist_name} (${set} min with encore)` },
    { at: clock(Math.min(show + (set + 10) * 60_000, ends - 15 * 60_000), tz), item: 'House lights up, bars close' },
    { at: clock(ends, tz), item: 'Curfew; load-out starts' },
  ];
  // a show running past midnight on the venue's clock: the late rows would sort to the top
  const wraps = rows.findIndex((row, i) => i > 0 && row.at < rows[i - 1]!.at);
  const inOrder = wraps === -1 ? rows : rows.slice(0, wraps);
  doc('RUN_OF_SHOW', (d) =>
    d.getArray<Y.Map<string>>(RUN_OF_SHOW_ROWS).push(
      inOrder.map(({ at, item }) => {
        const map = new Y.Map<string>();
        map.set('at', at);
        map.set('item', item);
        return map;
      }),
    ),
  );
}
