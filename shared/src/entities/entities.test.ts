import { describe, expect, it } from 'vitest';
import {
  CheckInRow,
  DealTermsRow,
  EventRequestRow,
  EventRow,
  JobRow,
  VenueRow,
  columns,
  requestStatuses,
} from './index.js';
import { describeIssues } from '../zod-issues.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const venue = {
  id: id(1),
  organization_id: id(2),
  slug: 'the-foundry',
  name: 'The Foundry',
  timezone: 'Europe/London',
  capacity: 1800,
  min_attendance: 300,
  address: '1 Canal Street',
  city: 'London',
  country: 'GB',
  intake_enabled: true,
  sender_name: null,
  archived_at: null,
  created_at: '2025-01-10 09:00:00+00',
  updated_at: new Date('2025-01-10T09:00:00Z'),
};

const request = {
  id: id(3),
  organization_id: id(2),
  venue_id: id(1),
  reference: 'RQ-7KD2-9XQ4',
  status: 'REVIEW',
  contact_name: 'Dana Whitfield',
  contact_email: 'dana@agency.example',
  contact_phone: null,
  company: 'Northside Agency',
  artist_name: 'The Halyards',
  event_title: 'The Halyards — Spring Tour',
  description: null,
  preferred_start: '2025-05-01T18:00:00Z',
  preferred_end: '2025-05-01T22:00:00Z',
  alternative_start: null,
  alternative_end: null,
  expected_attendance: 1500,
  budget_min_cents: '1500000',
  budget_max_cents: 2500000n,
  deal_notes: null,
  tech_needs: null,
  tags: ['indie'],
  promoter_user_id: null,
  submitted_at: '2025-02-01 10:11:12.123456+00',
  created_at: '2025-02-01 10:11:12.123456+00',
  updated_at: '2025-02-01 10:11:12.123456+00',
};

function fieldsOf(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[] }> } }) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.path.map(String).join('.'));
}

describe('row schemas', () => {
  it('should accept rows in database, shape and JSON forms and normalise them', () => {
    const parsed = VenueRow.parse(venue);
    expect(parsed.updated_at).toBe('2025-01-10T09:00:00.000Z');
    expect(parsed.created_at).toBe('2025-01-10 09:00:00+00');
    const req = EventRequestRow.parse(request);
    expect(req.budget_min_cents).toBe(1_500_000);
    expect(req.budget_max_cents).toBe(2_500_000);
  });

  it('should refuse a venue outside its CHECK constraints, naming each field', () => {
    const result = VenueRow.safeParse({
      ...venue,
      capacity: 0,
      min_attendance: 0,
      timezone: 'Mars/Olympus',
      country: 'gb',
      slug: '-x',
    });
    expect(fieldsOf(result).sort()).toEqual(['capacity', 'country', 'slug', 'timezone']);
    expect(describeIssues(result.error!)).toContain('capacity: must be at least 1');
    expect(VenueRow.safeParse({ ...venue, min_attendance: 5000 }).error!.issues[0]!.path).toEqual(['min_attendance']);
  });

  it('should refuse text longer than the database allows, counting characters as PostgreSQL does', () => {
    expect(fieldsOf(EventRequestRow.safeParse({ ...request, artist_name: 'x'.repeat(201) }))).toEqual(['artist_name']);
    // 200 emoji are 400 UTF-16 units but 200 characters to PostgreSQL
    expect(EventRequestRow.safeParse({ ...request, artist_name: '🎸'.repeat(200) }).success).toBe(true);
    expect(fieldsOf(EventRequestRow.safeParse({ ...request, contact_name: '' }))).toEqual(['contact_name']);
  });

  it('should refuse unknown statuses and reversed time ranges', () => {
    expect(fieldsOf(EventRequestRow.safeParse({ ...request, status: 'MAYBE' }))).toEqual(['status']);
    expect(requestStatuses).toContain('WITHDRAWN');
    const backwards = { ...request, preferred_end: '2025-05-01T17:00:00Z' };
    expect(fieldsOf(EventRequestRow.safeParse(backwards))).toEqual(['preferred_end']);
    const budget = { ...request, budget_min_cents: 10, budget_max_cents: 5 };
    expect(fieldsOf(EventRequestRow.safeParse(budget))).toEqual(['budget_max_cents']);
  });

  it('should refuse timestamps without an offset and impossible dates', () => {
    expect(fieldsOf(EventRequestRow.safeParse({ ...request, submitted_at: '2025-02-01 10:11:12' }))).toEqual([
      'submitted_at',
    ]);
    const event = {
      id: id(4),
      organization_id: id(2),
      venue_id: id(1),
      request_id: null,
      title: 'Spring Tour',
      artist_name: 'The Halyards',
      status: 'CONFIRMED',
      show_date: '2025-02-30',
      doors_at: '2025-05-01T18:00:00Z',
      show_at: '2025-05-01T19:00:00Z',
      ends_at: '2025-05-01T22:00:00Z',
      capacity_override: null,
      promoter_user_id: null,
      notes: null,
      created_at: '2025-02-01T10:00:00Z',
      updated_at: '2025-02-01T10:00:00Z',
    };
    expect(fieldsOf(EventRow.safeParse(event))).toEqual(['show_date']);
    expect(EventRow.parse({ ...event, show_date: new Date('2025-05-01T00:00:00Z') }).show_date).toBe('2025-05-01');
  });

  it('should take money as number, bigint or decimal string and refuse unsafe or fractional cents', () => {
    const money = columns.cents({ min: 0 });
    expect(money.parse(12)).toBe(12);
    expect(money.parse(12n)).toBe(12);
    expect(money.parse('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(money.safeParse('9007199254740992').error!.issues[0]!.message).toMatch(/too large/);
    expect(money.safeParse(2n ** 60n).success).toBe(false);
    expect(money.safeParse(12.5).error!.issues[0]!.message).toMatch(/whole number of cents/);
    expect(money.safeParse('12.50').success).toBe(false);
    expect(money.safeParse(-1).error!.issues[0]!.message).toBe('must not be negative');
    expect(columns.cents().parse('-250')).toBe(-250);
  });

  it('should refuse a deal with a share above 100 % and bonuses of the wrong shape', () => {
    const deal = {
      id: id(5),
      organization_id: id(2),
      event_id: id(4),
      deal_type: 'VERSUS',
      currency: 'GBP',
      guarantee_cents: 1_000_000,
      artist_share_bp: 10_001,
      split_basis: 'NET',
      promoter_profit_bp: 0,
      ticket_price_cents: 3500,
      sellable_capacity: 1800,
      expenses_budget_cents: 900_000,
      bonuses: [{ atTickets: 1500, bonusCents: '-5' }],
      notes: null,
      created_at: '2025-02-01T10:00:00Z',
      updated_at: '2025-02-01T10:00:00Z',
    };
    expect(fieldsOf(DealTermsRow.safeParse(deal)).sort()).toEqual(['artist_share_bp', 'bonuses.0.bonusCents']);
  });

  it('should hold check-ins to the same rules as the database', () => {
    const admit = {
      id: id(6),
      organization_id: id(2),
      event_id: id(4),
      entry_id: id(7),
      kind: 'ADMIT',
      admitted: 2,
      undoes_id: null,
      device_id: 'door-1',
      recorded_by: null,
      occurred_at: '2025-05-01T19:05:00Z',
      created_at: '2025-05-01T19:05:01Z',
    };
    expect(CheckInRow.safeParse(admit).success).toBe(true);
    expect(fieldsOf(CheckInRow.safeParse({ ...admit, kind: 'WALK_UP' }))).toEqual(['entry_id']);
    expect(fieldsOf(CheckInRow.safeParse({ ...admit, kind: 'UNDO', admitted: -2 }))).toEqual(['undoes_id']);
    expect(fieldsOf(CheckInRow.safeParse({ ...admit, admitted: 0 }))).toEqual(['admitted']);
  });

  it('should keep bigserial ids exact as strings', () => {
    const job = {
      id: 9007199254740993n,
      organization_id: null,
      kind: 'email',
      payload: {},
      status: 'QUEUED',
      attempts: 0,
      claims: 0,
      max_attempts: 10,
      run_at: '2025-05-01T19:05:00Z',
      locked_at: null,
      locked_by: null,
      last_error: null,
      created_at: '2025-05-01T19:05:00Z',
      updated_at: '2025-05-01T19:05:00Z',
    };
    expect(JobRow.parse(job).id).toBe('9007199254740993');
  });
});
