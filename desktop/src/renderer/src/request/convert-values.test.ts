import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../common/command-map.js';
import { convertArgs, convertValues } from './convert-values.js';

type RequestDetail = CommandResult<'requests.get'>;

const request = {
  eventTitle: 'Spring Tour',
  artistName: 'The Lanterns',
  // 20:00 to 23:30 in Chicago (CDT, UTC-5) on 2026-04-10
  preferredStart: '2026-04-11T01:00:00.000Z',
  preferredEnd: '2026-04-11T04:30:00.000Z',
  venue: { id: 'v', organizationId: 'o', name: 'Hall', timezone: 'America/Chicago', capacity: 500 },
} as RequestDetail;

describe('convertValues', () => {
  it('should start from the preferred evening on the venue’s clock, doors an hour before the show', () => {
    expect(convertValues(request)).toEqual({
      title: 'Spring Tour',
      artistName: 'The Lanterns',
      date: '2026-04-10',
      doors: '19:00',
      show: '20:00',
      ends: '23:30',
      capacity: '',
    });
  });

  it('should take the held date over the preferred one', () => {
    expect(convertValues(request, '2026-04-12').date).toBe('2026-04-12');
  });
});

describe('convertArgs', () => {
  it('should send times typed on the venue’s clock as instants, across the spring-forward change', () => {
    // 2026-03-08: Chicago goes from CST (UTC-6) to CDT (UTC-5) at 02:00
    const values = { ...convertValues(request), date: '2026-03-07', doors: '23:00', show: '23:30', ends: '03:00' };
    const result = convertArgs(values, 'America/Chicago');
    expect(result).toEqual({
      ok: true,
      args: {
        title: 'Spring Tour',
        artistName: 'The Lanterns',
        doorsAt: '2026-03-08T05:00:00.000Z',
        showAt: '2026-03-08T05:30:00.000Z',
        endsAt: '2026-03-08T08:00:00.000Z',
        capacityOverride: null,
      },
    });
  });

  it('should read a capacity override as a whole number', () => {
    const result = convertArgs({ ...convertValues(request), capacity: ' 350 ' }, 'America/Chicago');
    expect(result.ok && result.args.capacityOverride).toBe(350);
  });

  it('should refuse a blank title, a bad time and a capacity out of range, each on its field', () => {
    const result = convertArgs(
      { ...convertValues(request), title: ' ', show: '25:00', capacity: '0' },
      'America/Chicago',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual(['capacity', 'show', 'title']);
  });
});
