import { formatsFor } from '@promoteros/shared/format';
import { describe, expect, it } from 'vitest';
import { hitDetails, type SearchHit } from './hit-text.js';

// 2027-04-24T01:00Z is the evening of Friday April 23 in Chicago (CDT, UTC-5)
const show = { venueName: 'The Hall', showDate: '2027-04-23', showAt: '2027-04-24T01:00:00.000Z' };
// a computer in Chicago, as the venue
const chicago = formatsFor('en-US', { readerZone: 'America/Chicago' });

const details = (hit: SearchHit, f = chicago) => hitDetails(hit, f);

describe('search hit details', () => {
  it('should write an event with its status in words and its time on the venue’s clock', () => {
    const hit: SearchHit = {
      kind: 'event',
      id: 'e1',
      title: 'Spring at the Hall',
      artistName: 'Amber Fields',
      status: 'CONFIRMED',
      timezone: 'America/Chicago',
      ...show,
    };
    expect(details(hit)).toBe('Amber Fields · Fri, Apr 23, 2027, 8:00 PM · The Hall · Confirmed');
    // another clock could be meant: a computer in London names the venue's zone
    expect(details(hit, formatsFor('en-US', { readerZone: 'Europe/London' }))).toBe(
      'Amber Fields · Fri, Apr 23, 2027, 8:00 PM CDT · The Hall · Confirmed',
    );
    // and the organization's locale writes it: day first, 24-hour clock
    expect(details(hit, formatsFor('en-GB', { readerZone: 'America/Chicago' }))).toBe(
      'Amber Fields · Fri, 23 Apr 2027, 20:00 · The Hall · Confirmed',
    );
  });

  it('should write a request’s status in words, never the code', () => {
    const hit: SearchHit = {
      kind: 'request',
      id: 'r1',
      title: 'Spring',
      reference: 'RQ-AAAA-0001',
      artistName: 'Amber Fields',
      contactName: 'Jo Booker',
      status: 'SCHEDULED',
    };
    expect(details(hit)).toBe('RQ-AAAA-0001 · Amber Fields · Jo Booker · Scheduled');
    expect(details({ ...hit, status: 'REVIEW' })).toBe('RQ-AAAA-0001 · Amber Fields · Jo Booker · In review');
  });

  it('should count an artist’s events and requests with the right plural and thousands separators', () => {
    const artist = (events: number, requests: number): SearchHit => ({
      kind: 'artist',
      id: 'Amber Fields',
      title: 'Amber Fields',
      events,
      requests,
    });
    expect(details(artist(1, 1))).toBe('1 event · 1 request');
    expect(details(artist(2, 0))).toBe('2 events');
    expect(details(artist(0, 1500))).toBe('1,500 requests');
  });

  it('should write a guest with their party, list and show, and a person with their role', () => {
    const guest: SearchHit = {
      kind: 'guest',
      id: 'g1',
      title: 'Sam Plusone',
      eventId: 'e1',
      eventTitle: 'Spring at the Hall',
      venueId: 'v1',
      listName: 'Press and photo',
      admitCount: 3,
      timezone: 'America/Chicago',
      ...show,
    };
    expect(details(guest)).toBe('+2 · Press and photo · Spring at the Hall · Fri, Apr 23, 2027, 8:00 PM · The Hall');
    expect(details({ ...guest, admitCount: 1 })).toMatch(/^Press and photo · /);
    const person: SearchHit = { kind: 'person', id: 'u1', title: 'Aisha Patel', role: 'MANAGER', email: 'a@x.example' };
    expect(details(person)).toBe('Manager · a@x.example');
  });
});
