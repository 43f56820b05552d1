import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../common/command-map.js';
import { eventChanges, eventFormValues } from './event-changes.js';

type EventDetail = CommandResult<'events.get'>;

// doors 19:00, show 20:00, ends 23:30 on Fri 14 March 2025 in Chicago (CDT, UTC-5)
const event: EventDetail = {
  id: '6f0c1a52-3b8e-4d7a-9d61-0d8f3c1f2a10',
  title: 'Spring Fling',
  artistName: 'The Lakeside Five',
  status: 'CONFIRMED',
  venue: {
    id: 'b7d2f7a4-7f1e-4c55-8a0c-3e2f1d9c4b21',
    organizationId: 'c1e7b6a2-1d2f-4e8a-9b3c-5d6e7f8a9b0c',
    name: 'The Lakeshore Ballroom',
    timezone: 'America/Chicago',
    capacity: 2500,
  },
  showDate: '2025-03-14',
  doorsAt: '2025-03-15T00:00:00.000Z',
  showAt: '2025-03-15T01:00:00.000Z',
  endsAt: '2025-03-15T04:30:00.000Z',
  capacity: 2500,
  capacityOverride: null,
  notes: null,
  deal: null,
  tasks: [],
  members: [],
  request: null,
  confirmations: [],
  requestHistory: [],
};

describe('the event form', () => {
  it('should start from the event as the venue’s clock shows it', () => {
    expect(eventFormValues(event)).toEqual({
      title: 'Spring Fling',
      artistName: 'The Lakeside Five',
      date: '2025-03-14',
      doors: '19:00',
      show: '20:00',
      ends: '23:30',
      capacity: '',
      notes: '',
    });
  });

  it('should send nothing when nothing changed', () => {
    expect(eventChanges(event, eventFormValues(event))).toEqual({ ok: true, changes: {} });
  });

  it('should send only the fields the user changed, times as instants of the venue’s zone', () => {
    const values = { ...eventFormValues(event), title: ' Spring Fling (late show) ', show: '21:15', capacity: '1800' };
    expect(eventChanges(event, values)).toEqual({
      ok: true,
      changes: { title: 'Spring Fling (late show)', showAt: '2025-03-15T02:15:00.000Z', capacityOverride: 1800 },
    });
  });

  it('should move the whole night when the date changes, and clear notes left blank', () => {
    const withNotes = { ...event, notes: 'Load-in 2pm' };
    const values = { ...eventFormValues(withNotes), date: '2025-03-21', notes: '  ' };
    expect(eventChanges(withNotes, values)).toEqual({
      ok: true,
      changes: {
        doorsAt: '2025-03-22T00:00:00.000Z',
        showAt: '2025-03-22T01:00:00.000Z',
        endsAt: '2025-03-22T04:30:00.000Z',
        notes: null,
      },
    });
  });

  it('should name each field that cannot be saved', () => {
    const values = { ...eventFormValues(event), title: '  ', doors: '', capacity: '0' };
    expect(eventChanges(event, values)).toEqual({
      ok: false,
      problems: {
        title: 'the event needs a title',
        doors: 'enter a time',
        capacity: 'a whole number from 1 to 100,000, or blank for the venue’s',
      },
    });
  });
});
