// The demo's rows for a few fixed seeds and moments, pinned table by table by a hash of their
// JSON: reshaping the code that plans them must leave every hash as it is. A change meant to alter
// the demo updates them (the failure shows the new ones); so may a new time-zone database, since
// show times are placed on each venue's clock.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDemoPlan, type DemoPlanOptions } from './plan.js';

/** each table's rows (and the queued renders), hashed; Yjs states as hex */
function fingerprint(options: DemoPlanOptions): Record<string, string> {
  const plan = buildDemoPlan(options);
  const json = (rows: unknown) =>
    JSON.stringify(rows, (_key, value: unknown) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value,
    );
  return Object.fromEntries(
    Object.entries(plan).map(([table, rows]) => [
      table,
      createHash('sha256').update(json(rows)).digest('hex').slice(0, 16),
    ]),
  );
}

describe('the demo plan', () => {
  it.each<[string, DemoPlanOptions, Record<string, string>]>([
    [
      'seed 1 on 2026-03-01, every show tonight on that day',
      { seed: 1, today: '2026-03-01' },
      {
        organizations: '1b85abeb4f7202db',
        venues: '92bb57040021a312',
        users: '921ee4daff42db92',
        memberships: 'd7b771641192af23',
        invitations: '1e4ae4a1371b9baa',
        task_templates: '59fc9600ea8341bf',
        event_requests: '8436ac5ec1b277bf',
        decision_logs: '6d229ab6c54b64ce',
        events: 'e8aa28d5dcd28e88',
        holds: 'fde51b51336d1487',
        deal_terms: '5b8da50434e8b63c',
        settlement_lines: '81eb992c22930b48',
        event_tasks: '193fb5c2960e2c3f',
        guest_lists: 'a37b7942ae191816',
        guest_list_entries: 'c36df5ee602f2076',
        check_ins: 'e675aecb2588d495',
        audit_logs: 'f23f8bb21254579d',
        note_documents: 'a2ba20321ceb1e5a',
        document_renders: 'd7e1d14557232636',
      },
    ],
    [
      'seed 42 at 03:30 UTC on 2026-06-15 (still the 14th in Chicago)',
      { seed: 42, today: '2026-06-15', now: new Date('2026-06-15T03:30:00Z') },
      {
        organizations: 'd02aa7e61d5903cd',
        venues: '6e9451dc66723a08',
        users: '40a8fad71779b7e6',
        memberships: '491d07b497b9875d',
        invitations: 'e1c7504cd5eae84c',
        task_templates: 'f5ba355e6221e9ca',
        event_requests: '5617df301a294e9b',
        decision_logs: '067a9fe6075ceb6b',
        events: 'e9fa49e279450257',
        holds: 'c175a7c60b370fb7',
        deal_terms: '286968f1ad25f5bf',
        settlement_lines: '674c58150d4126e0',
        event_tasks: 'a1ef8eebfb5ac334',
        guest_lists: 'cba22dea37856364',
        guest_list_entries: '0845d2b774661017',
        check_ins: 'e568a411b475fb49',
        audit_logs: '022ecb7df1a61504',
        note_documents: 'bd9307518f24745a',
        document_renders: 'd5ecc8d8a0300f0a',
      },
    ],
    [
      'seed 7 at noon UTC on 2027-10-31 (Europe left summer time, the US not yet)',
      { seed: 7, today: '2027-10-31', now: new Date('2027-10-31T12:00:00Z') },
      {
        organizations: '1a8d15f4421660f4',
        venues: '330def6b1bebd756',
        users: '042465f226d5fc23',
        memberships: '29e6f7ea646872bb',
        invitations: 'e266f50819a32bf3',
        task_templates: '69afd8ff3d212b1a',
        event_requests: '9e18d208de0a4a06',
        decision_logs: '7bd2ff2fe9f9c102',
        events: 'fb75327ee4e8e747',
        holds: 'ab39adacff381166',
        deal_terms: 'af08bff2e236ff57',
        settlement_lines: '6605edcd63024c2a',
        event_tasks: '2d72d349f984b264',
        guest_lists: '8bd1847713e1fa02',
        guest_list_entries: '21b936968eb8f74a',
        check_ins: '1ef29bdf611868d2',
        audit_logs: 'bfe3b689e658c22e',
        note_documents: 'aebf6209f7016e3f',
        document_renders: '0ab93afaf0f353b3',
      },
    ],
  ])('%s', (_name, options, pinned) => {
    expect(fingerprint(options)).toEqual(pinned);
  });
});
