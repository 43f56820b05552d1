// What happens to holds with time alone, checked every HOLD_EXPIRY_INTERVAL_SECONDS by each relay:
// - a hold whose expires_at has passed becomes EXPIRED, the holds behind it move up (and a
//   challenge it made of the 1st hold is withdrawn), and `hold.expired` is enqueued;
// - a hold within a day of expiring gets one `hold.expiring` reminder (per expiry time: a hold
//   whose expiry is moved gets a reminder for the new one);
// - a challenge whose deadline passed unanswered gets one `hold.challenge_expired`, and nothing
//   else: the 1st hold stays the 1st until a manager releases it or confirms it (hold.ts says why).
// Job payloads: { holdId, requestId, venueId, holdDate, expiresAt } for the first two;
// { holdId, challengerHoldId, requestId, venueId, holdDate, deadline } for the third.
//
// Expiry changes ranks, which mutations also decide from (hold.place counts the active holds), so
// each venue date is expired in its own transaction under the organization's lock that
// POST /v1/mutations takes: a hold placed at the same moment queues behind the expiry or the
// other way round, never beside it. The holds are read again under the lock, so two relays
// sweeping at once expire each hold once. Reminders take a lock of their own for the same reason.
import type { Sql } from '../db/database.js';
import { asOrganizations } from '../db/as-organizations.js';
import { ORGANIZATION_LOCK_CLASS } from '../mutations/apply-mutation.js';

/** One relay at a time enqueues reminders (single-key advisory lock, apart from the two-key ones). */
const HOLD_REMINDER_LOCK = 72504145;
const REMIND_BEFORE = '24 hours';

export interface HoldSweep {
  readonly expired: number;
  readonly reminded: number;
  readonly challengesLapsed: number;
}

interface VenueDate {
  readonly organization_id: string;
  readonly venue_id: string;
  readonly hold_date: string;
}

interface ActiveHold {
  readonly id: string;
  readonly request_id: string;
  readonly rank: number;
  readonly expires_at: string | null;
  readonly challenged_by_hold_id: string | null;
  readonly expired: boolean;
}

/** One pass over every organization's holds, as of `now`. */
export async function sweepHolds(sql: Sql, now: Date = new Date()): Promise<HoldSweep> {
  const at = now.toISOString();
  // every organization's due venue dates (hold_dates_due, migration 0018: across organizations by
  // design, ids and dates only); each is then expired acting for its own organization alone
  const due = await sql<VenueDate[]>`
    SELECT organization_id, venue_id, hold_date FROM hold_dates_due(${at}::timestamptz)`;
  let expired = 0;
  for (const venueDate of due) expired += await expireOn(sql, venueDate, at);
  const { reminded, challengesLapsed } = await enqueueReminders(sql, at);
  return { expired, reminded, challengesLapsed };
}

/** Expires the due holds of one venue date and closes the gaps they leave; returns how many. */
async function expireOn(sql: Sql, { organization_id, venue_id, hold_date }: VenueDate, at: string): Promise<number> {
  return asOrganizations(sql, [organization_id], async (tx) => {
    await tx`SET LOCAL TimeZone = 'UTC'`;
    await tx`SELECT pg_advisory_xact_lock(${ORGANIZATION_LOCK_CLASS}, hashtext(${organization_id}))`;
    const active = await tx<ActiveHold[]>`
      SELECT id, request_id, rank, to_jsonb(expires_at) #>> '{}' AS expires_at, challenged_by_hold_id,
             expires_at IS NOT NULL AND expires_at <= ${at}::timestamptz AS expired
        FROM holds
       WHERE organization_id = ${organization_id} AND venue_id = ${venue_id} AND hold_date = ${hold_date}::date
         AND status = 'ACTIVE'
       ORDER BY rank, id
         FOR UPDATE`;
    const leaving = active.filter((hold) => hold.expired);
    if (leaving.length === 0) return 0; // released, converted or extended meanwhile
    const gone = new Set(leaving.map((hold) => hold.id));
    for (const hold of leaving) {
      await tx`UPDATE holds SET status = 'EXPIRED', updated_at = ${at}::timestamptz WHERE id = ${hold.id}`;
      const about = { holdId: hold.id, requestId: hold.request_id, venueId: venue_id, holdDate: hold_date };
      await tx`
        INSERT INTO jobs (organization_id, kind, payload)
        VALUES (${organization_id}, 'hold.expired',
                ${JSON.stringify({ ...about, expiresAt: hold.expires_at })}::text::jsonb)`;
      // the audit log tells who did what: here, nobody, the hold's time ran out
      await tx`
        INSERT INTO audit_logs (organization_id, actor_user_id, action, entity_table, entity_id, details)
        VALUES (${organization_id}, NULL, 'hold.expire', 'holds', ${hold.id},
                ${JSON.stringify({ expiresAt: hold.expires_at, rank: hold.rank })}::text::jsonb)`;
    }
    // the holds that stay, in their order, take ranks 1, 2, 3 … again
    const staying = active.filter((hold) => !gone.has(hold.id));
    for (const [index, hold] of staying.entries()) {
      const rank = index + 1;
      const challengeGone = hold.challenged_by_hold_id !== null && gone.has(hold.challenged_by_hold_id);
      if (rank === Number(hold.rank) && !challengeGone) continue;
      await tx`
        UPDATE holds
           SET rank = ${rank},
               challenged_by_hold_id = ${challengeGone ? null : hold.challenged_by_hold_id},
               challenge_deadline = CASE WHEN ${challengeGone} THEN NULL ELSE challenge_deadline END,
               updated_at = ${at}::timestamptz
         WHERE id = ${hold.id}`;
    }
    return leaving.length;
  });
}

/** `hold.expiring` and `hold.challenge_expired`, each once per hold and time. */
async function enqueueReminders(sql: Sql, at: string): Promise<{ reminded: number; challengesLapsed: number }> {
  return sql.begin(async (tx) => {
    await tx`SET LOCAL TimeZone = 'UTC'`;
    await tx`SELECT pg_advisory_xact_lock(${HOLD_REMINDER_LOCK})`;
    // every organization's holds, read by enqueue_hold_reminders (migration 0018), which writes
    // only jobs: the same two statements this sweep ran before row-level security
    const [counts] = await tx<{ reminded: string; challenges_lapsed: string }[]>`
      SELECT reminded::text, challenges_lapsed::text
        FROM enqueue_hold_reminders(${at}::timestamptz, ${REMIND_BEFORE}::interval)`;
    return { reminded: Number(counts!.reminded), challengesLapsed: Number(counts!.challenges_lapsed) };
  });
}
