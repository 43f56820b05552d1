// The set-wise statements that fill the bulk organization (bulk.ts): one per synced table, in
// the order the foreign keys need, each writing its rows for every event g of a generate_series.
// They name their inputs $1…$5 (the organization, the number of events, the venues, the owner,
// the audit entries that make the total exact); bulk.ts writes them in as literals.
//
// Every row's id is derived from the organization id and the row's place in the series (md5,
// shaped as a version-4 uuid), so children find their parents without reading them back.
import { dealTypes } from '@promoteros/shared';

/** the task templates, as the demo's checklists have them */
export const TEMPLATES = 8;

/** the organization's three venues, one a continent */
export const bulkVenues = [
  { name: 'Bulk Ballroom', tz: 'America/Chicago', capacity: 2500, currency: 'USD' },
  { name: 'Bulk Hall London', tz: 'Europe/London', capacity: 1500, currency: 'GBP' },
  { name: 'Bulk Theatre Melbourne', tz: 'Australia/Melbourne', capacity: 3200, currency: 'AUD' },
];

/** A uuid derived from the organization ($1) and a key expression: same key, same id. */
const id = (kind: string, key: string) =>
  `overlay(overlay(md5($1::text || ':${kind}:' || ${key}) placing '4' from 13) placing '8' from 17)::uuid`;

// per event g: its venue (round robin), the venue's zone, and a date within two years either side of today
const venue = `(($3::uuid[])[1 + g % 3])`;
const zone = `((ARRAY[${bulkVenues.map((v) => `'${v.tz}'`).join(',')}])[1 + g % 3])`;
const currency = `((ARRAY[${bulkVenues.map((v) => `'${v.currency}'`).join(',')}])[1 + g % 3])`;
const capacity = `((ARRAY[${bulkVenues.map((v) => v.capacity).join(',')}])[1 + g % 3])`;
const showDate = `(current_date + ((g * 37) % 1461 - 730))`;
const at = (date: string, time: string) => `((${date} + time '${time}') AT TIME ZONE ${zone})`;
const doors = at(showDate, '19:00');
// request k of event g: 0 became the event, 1 lost the date or waits approved, 2 is in review or withdrawn
const requestStatus = `(CASE k WHEN 0 THEN 'SCHEDULED' WHEN 1 THEN CASE WHEN g % 2 = 0 THEN 'DECLINED' ELSE 'APPROVED' END
                        ELSE CASE WHEN g % 2 = 0 THEN 'REVIEW' ELSE 'WITHDRAWN' END END)`;
const requestDate = `(${showDate} + CASE WHEN k = 0 OR (k = 1 AND g % 2 = 0) THEN 0 ELSE 14 * k END)`;
const requestKey = `g || ':' || k`;
const entryKey = `g || ':' || l || ':' || n`;

/** The statements in order. */
export const bulkStatements: readonly string[] = [
  // the templates every event's checklist is made from
  `
      INSERT INTO task_templates (id, organization_id, title, default_due_days, default_role, position)
      SELECT ${id('tt', 't')}, $1, (ARRAY['Send confirmation', 'Announce', 'Collect riders', 'Advance call',
             'Schedule security', 'Build guest list', 'Print day sheet', 'Settle the show'])[t],
             (ARRAY[60, 45, 30, 14, 7, 2, 1, 0])[t], (ARRAY['MANAGER', 'PROMOTER', 'MANAGER', 'MANAGER',
             'STAFF', 'STAFF', 'STAFF', 'MANAGER'])[t], t
        FROM generate_series(1, ${TEMPLATES}) t`,
  // three requests an event: 0 became it, 1 lost the date or waits approved, 2 is in review or withdrawn
  `
      INSERT INTO event_requests (id, organization_id, venue_id, reference, status, contact_name, contact_email,
             artist_name, event_title, preferred_start, preferred_end, expected_attendance, budget_min_cents,
             budget_max_cents, tags, submitted_at, created_at, updated_at)
      SELECT ${id('rq', requestKey)}, $1, ${venue}, 'RQ-' || lpad(g::text, 7, '0') || '-' || k, ${requestStatus},
             'Agent ' || g, 'agent' || g || '@agency.example', 'Artist ' || g || CASE k WHEN 0 THEN '' ELSE ' ' || k END,
             'Artist ' || g || ' — Live', ${at(requestDate, '19:00')}, ${at(requestDate, '23:00')},
             300 + (g * 53) % 2000, 500000 + (g % 40) * 50000, 900000 + (g % 40) * 50000, ARRAY['rock'],
             ${at(showDate, '12:00')} - interval '90 days', ${at(showDate, '12:00')} - interval '90 days',
             ${at(showDate, '12:00')} - interval '60 days'
        FROM generate_series(1, $2::int) g CROSS JOIN generate_series(0, 2) k`,
  // each request's path through its statuses: filed by no one, every later step by the owner
  `
      INSERT INTO decision_logs (id, organization_id, request_id, from_status, to_status, actor_user_id, created_at)
      SELECT ${id('dl', `${requestKey} || ':' || p.step`)}, $1, ${id('rq', requestKey)}, p.from_status, p.to_status,
             CASE WHEN p.step > 1 THEN $4::uuid END, ${at(showDate, '12:00')} - interval '90 days' + p.step * interval '7 days'
        FROM generate_series(1, $2::int) g CROSS JOIN generate_series(0, 2) k
        JOIN (VALUES ('SCHEDULED', 1, NULL, 'NEW'), ('SCHEDULED', 2, 'NEW', 'REVIEW'),
                     ('SCHEDULED', 3, 'REVIEW', 'APPROVED'), ('SCHEDULED', 4, 'APPROVED', 'SCHEDULED'),
                     ('DECLINED', 1, NULL, 'NEW'), ('DECLINED', 2, 'NEW', 'REVIEW'), ('DECLINED', 3, 'REVIEW', 'DECLINED'),
                     ('APPROVED', 1, NULL, 'NEW'), ('APPROVED', 2, 'NEW', 'REVIEW'), ('APPROVED', 3, 'REVIEW', 'APPROVED'),
                     ('REVIEW', 1, NULL, 'NEW'), ('REVIEW', 2, 'NEW', 'REVIEW'),
                     ('WITHDRAWN', 1, NULL, 'NEW'), ('WITHDRAWN', 2, 'NEW', 'WITHDRAWN'))
             p(status, step, from_status, to_status) ON p.status = ${requestStatus}`,
  // the events, one in 25 cancelled, those over a week past settled
  `
      INSERT INTO events (id, organization_id, venue_id, request_id, title, artist_name, status, show_date,
             doors_at, show_at, ends_at, created_at, updated_at)
      SELECT ${id('ev', 'g')}, $1, ${venue}, ${id('rq', `g || ':0'`)}, 'Artist ' || g || ' — Live', 'Artist ' || g,
             CASE WHEN g % 25 = 0 THEN 'CANCELLED' WHEN ${showDate} < current_date - 7 THEN 'SETTLED' ELSE 'CONFIRMED' END,
             ${showDate}, ${doors}, ${doors} + interval '75 minutes', ${doors} + interval '4 hours 30 minutes',
             ${at(showDate, '12:00')} - interval '69 days', ${at(showDate, '12:00')} - interval '69 days'
        FROM generate_series(1, $2::int) g`,
  // a converted hold for the event's request, a released or active one for the next
  `
      INSERT INTO holds (id, organization_id, venue_id, request_id, hold_date, rank, status, event_id,
             released_at, release_reason, created_by, created_at, updated_at)
      SELECT ${id('ho', requestKey)}, $1, ${venue}, ${id('rq', requestKey)}, ${requestDate},
             CASE WHEN k = 1 AND g % 2 = 0 THEN 2 ELSE 1 END,
             CASE WHEN k = 0 THEN 'CONVERTED' WHEN g % 2 = 0 THEN 'RELEASED' ELSE 'ACTIVE' END,
             CASE WHEN k = 0 THEN ${id('ev', 'g')} END,
             CASE WHEN k = 1 AND g % 2 = 0 THEN ${at(showDate, '12:00')} - interval '69 days' END,
             CASE WHEN k = 1 AND g % 2 = 0 THEN 'Date confirmed for another show' END,
             $4::uuid, ${at(showDate, '12:00')} - interval '76 days', ${at(showDate, '12:00')} - interval '69 days'
        FROM generate_series(1, $2::int) g CROSS JOIN generate_series(0, 1) k`,
  // a deal of each type in turn
  `
      INSERT INTO deal_terms (id, organization_id, event_id, deal_type, currency, guarantee_cents, artist_share_bp,
             promoter_profit_bp, ticket_price_cents, sellable_capacity, expenses_budget_cents)
      SELECT ${id('dt', 'g')}, $1, ${id('ev', 'g')}, (ARRAY[${dealTypes.map((type) => `'${type}'`).join(', ')}])[1 + g % ${dealTypes.length}],
             ${currency}, CASE WHEN g % 4 = 1 THEN 0 ELSE 1000000 + (g % 50) * 50000 END,
             CASE WHEN g % 4 = 0 THEN 0 ELSE 8000 END, CASE WHEN g % 4 = 3 THEN 1500 ELSE 0 END,
             2500 + (g % 10) * 500, ${capacity}, 1500000
        FROM generate_series(1, $2::int) g`,
  // tickets, comps and three expenses, with actuals once the show is past
  `
      INSERT INTO settlement_lines (id, organization_id, event_id, kind, label, quantity, unit_cents, budget_cents,
             actual_cents, position)
      SELECT ${id('sl', `g || ':' || s.position`)}, $1, ${id('ev', 'g')}, s.kind, s.label, s.quantity, s.unit_cents,
             s.budget_cents, CASE WHEN ${showDate} < current_date THEN s.budget_cents + (g % 7) * 1000 END, s.position
        FROM generate_series(1, $2::int) g
       CROSS JOIN (VALUES (0, 'TICKETS', 'Advance tickets', 1200, 3500, 4200000), (1, 'TICKETS', 'Door sales', 300, 4000, 0),
                          (2, 'COMPS', 'Comps', 40, 0, 0), (3, 'EXPENSE', 'Sound and lights', 1, 450000, 450000),
                          (4, 'EXPENSE', 'Security', 1, 300000, 300000), (5, 'EXPENSE', 'Marketing', 1, 225000, 225000))
             s(position, kind, label, quantity, unit_cents, budget_cents)
      `,
  // the checklist from the templates, done where due before today
  `
      INSERT INTO event_tasks (id, organization_id, event_id, template_id, title, assignee_user_id, due_date,
             completed_at, completed_by, position)
      SELECT ${id('et', `g || ':' || t.position`)}, $1, ${id('ev', 'g')}, t.id, t.title, $4::uuid,
             ${showDate} - t.default_due_days,
             CASE WHEN ${showDate} - t.default_due_days < current_date THEN ${at(`(${showDate} - t.default_due_days)`, '15:00')} END,
             CASE WHEN ${showDate} - t.default_due_days < current_date THEN $4::uuid END, t.position
        FROM generate_series(1, $2::int) g
       CROSS JOIN (SELECT * FROM task_templates WHERE organization_id = $1) t
      `,
  // an artist's and a promoter's list
  `
      INSERT INTO guest_lists (id, organization_id, event_id, name, kind, allotment, cutoff_at)
      SELECT ${id('gl', `g || ':' || l`)}, $1, ${id('ev', 'g')}, CASE l WHEN 1 THEN 'Artist guests' ELSE 'Promoter' END,
             CASE l WHEN 1 THEN 'ARTIST' ELSE 'PROMOTER' END, 10, ${at(showDate, '17:00')}
        FROM generate_series(1, $2::int) g CROSS JOIN generate_series(1, 2) l`,
  // ten names on each list
  `
      INSERT INTO guest_list_entries (id, organization_id, event_id, guest_list_id, guest_name, admit_count, added_by)
      SELECT ${id('ge', entryKey)}, $1, ${id('ev', 'g')}, ${id('gl', `g || ':' || l`)}, 'Guest ' || g || '-' || l || '-' || n,
             1 + n % 2, $4::uuid
        FROM generate_series(1, $2::int) g CROSS JOIN generate_series(1, 2) l CROSS JOIN generate_series(1, 10) n
      `,
  // 6 admits per list and 2 walk-ups per show
  `
      INSERT INTO check_ins (id, organization_id, event_id, entry_id, kind, admitted, device_id, recorded_by, occurred_at)
      SELECT ${id('ci', entryKey)}, $1, ${id('ev', 'g')}, CASE WHEN l > 0 THEN ${id('ge', entryKey)} END,
             CASE WHEN l > 0 THEN 'ADMIT' ELSE 'WALK_UP' END, 1, 'door-' || (1 + n % 2), $4::uuid,
             ${doors} + n * interval '3 minutes'
        FROM generate_series(1, $2::int) g CROSS JOIN generate_series(0, 2) l CROSS JOIN generate_series(1, 6) n
       WHERE l > 0 OR n <= 2`,
  // the request scheduled and the event created
  `
      INSERT INTO audit_logs (id, organization_id, actor_user_id, action, entity_table, entity_id, details, created_at)
      SELECT ${id('al', `g || ':' || a`)}, $1, $4::uuid, CASE a WHEN 1 THEN 'request.scheduled' ELSE 'event.created' END,
             CASE a WHEN 1 THEN 'event_requests' ELSE 'events' END,
             CASE a WHEN 1 THEN ${id('rq', `g || ':0'`)} ELSE ${id('ev', 'g')} END, '{}',
             ${at(showDate, '12:00')} - interval '69 days'
        FROM generate_series(1, $2::int) g CROSS JOIN generate_series(1, 2) a`,
];

/** The audit entries ($5 of them) that make the organization's total exactly the rows asked for. */
export const fillerStatement = `INSERT INTO audit_logs (id, organization_id, actor_user_id, action, entity_table, entity_id, created_at)
         SELECT ${id('af', 'n')}, $1, $4::uuid, 'settlement.viewed', 'events', ${id('ev', `1 + n % $2::int`)},
                now() - n * interval '1 hour'
           FROM generate_series(1, $5::int) n`;
