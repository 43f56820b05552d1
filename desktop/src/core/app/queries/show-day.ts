// Show-day mode's opening read: the venue's show today, in the venue's own calendar (a laptop in
// another zone, or a show past midnight, must still land on tonight's show), with its run of show,
// who to call, and what is still open on the checklist. Only the replica: it answers with the
// network gone from the start.
import { addDays, venueToday } from '@promoteros/shared/venue-clock';
import type { EventStatus } from '@promoteros/shared';
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';
import { notFound } from '../command-failure.js';
import { isoInstant } from './venue-time.js';

type ShowDay = CommandResult<'showDay.get'>;
type Contact = NonNullable<ShowDay['event']>['contacts'][number];

interface VenueRow {
  id: string;
  name: string;
  timezone: string;
  capacity: number;
}

interface ShowRow {
  id: string;
  title: string;
  doors_at: Date;
}

export interface ShowDayArgs {
  readonly venueId: string | null;
  readonly eventId: string | null;
}

export async function showDay(
  replica: Replica,
  organizationId: string,
  args: ShowDayArgs,
  now: Date = new Date(),
): Promise<ShowDay> {
  const venue = await chooseVenue(replica, organizationId, await venueOfShow(replica, organizationId, args), now);
  const today = venueToday(now, venue.timezone);
  // today's shows, and last night's while it is still running (a show that ends after midnight)
  const showsToday = await replica.query<ShowRow>(
    `SELECT id, title, doors_at FROM events
      WHERE organization_id = $1 AND venue_id = $2 AND status <> 'CANCELLED'
        AND (show_date = $3::date OR (show_date = $4::date AND ends_at > $5))
      ORDER BY show_date, doors_at, id`,
    [organizationId, venue.id, today, addDays(today, -1), now],
  );
  const [nextShow] = await replica.query<{ id: string; title: string; show_date: string }>(
    `SELECT id, title, show_date::text AS show_date FROM events
      WHERE organization_id = $1 AND venue_id = $2 AND status <> 'CANCELLED' AND show_date > $3::date
      ORDER BY show_date, doors_at, id LIMIT 1`,
    [organizationId, venue.id, today],
  );
  // of today's shows the latest one that has begun letting people in, else the first
  const opening =
    args.eventId ??
    [...showsToday].reverse().find((show) => show.doors_at.getTime() <= now.getTime())?.id ??
    showsToday[0]?.id ??
    null;

  return {
    venue: { ...venue, organizationId },
    today,
    event: opening ? await showDayEvent(replica, organizationId, venue, opening) : null,
    showsToday: showsToday.map((show) => ({ id: show.id, title: show.title, doorsAt: isoInstant(show.doors_at) })),
    nextShow: nextShow ? { id: nextShow.id, title: nextShow.title, showDate: nextShow.show_date } : null,
  };
}

/**
 * A show asked for by id (a link from search, from another venue's screen) opens at its own
 * venue, whichever venue the screen was on; otherwise the venue asked for.
 */
async function venueOfShow(replica: Replica, organizationId: string, args: ShowDayArgs): Promise<string | null> {
  if (!args.eventId) return args.venueId;
  const [event] = await replica.query<{ venue_id: string }>(
    'SELECT venue_id FROM events WHERE organization_id = $1 AND id = $2',
    [organizationId, args.eventId],
  );
  if (!event) throw notFound(`no event ${args.eventId} in this organization`);
  return event.venue_id;
}

/** the venue asked for; else, of several, the first with a show today; else the first by name */
async function chooseVenue(
  replica: Replica,
  organizationId: string,
  venueId: string | null,
  now: Date,
): Promise<VenueRow> {
  const venues = await replica.query<VenueRow>(
    'SELECT id, name, timezone, capacity FROM venues WHERE organization_id = $1 ORDER BY name, id',
    [organizationId],
  );
  if (venueId) {
    const asked = venues.find((venue) => venue.id === venueId);
    if (!asked) throw notFound(`no venue ${venueId} in this organization`);
    return asked;
  }
  if (venues.length === 0) throw notFound('this organization has no venue yet');
  for (const venue of venues) {
    const [show] = await replica.query(
      `SELECT 1 FROM events WHERE organization_id = $1 AND venue_id = $2 AND status <> 'CANCELLED'
          AND show_date = $3::date LIMIT 1`,
      [organizationId, venue.id, venueToday(now, venue.timezone)],
    );
    if (show) return venue;
  }
  return venues[0]!;
}

async function showDayEvent(
  replica: Replica,
  organizationId: string,
  venue: VenueRow,
  eventId: string,
): Promise<NonNullable<ShowDay['event']>> {
  const [event] = await replica.query<{
    id: string;
    title: string;
    artist_name: string;
    status: EventStatus;
    show_date: string;
    doors_at: Date;
    show_at: Date;
    ends_at: Date;
    capacity_override: number | null;
    notes: string | null;
    request_id: string | null;
    promoter_user_id: string | null;
  }>(
    `SELECT id, title, artist_name, status, show_date::text AS show_date, doors_at, show_at, ends_at,
            capacity_override, notes, request_id, promoter_user_id
       FROM events WHERE organization_id = $1 AND venue_id = $2 AND id = $3`,
    [organizationId, venue.id, eventId],
  );
  if (!event) throw notFound(`no event ${eventId} at ${venue.name}`);
  const openTasks = await replica.query<{
    id: string;
    title: string;
    due_date: string | null;
    assignee: string | null;
  }>(
    `SELECT t.id, t.title, t.due_date::text AS due_date, m.user_name AS assignee
       FROM event_tasks t
       LEFT JOIN memberships m ON m.organization_id = t.organization_id AND m.user_id = t.assignee_user_id
      WHERE t.organization_id = $1 AND t.event_id = $2 AND t.completed_at IS NULL
      ORDER BY t.position, t.due_date NULLS LAST, t.id`,
    [organizationId, eventId],
  );
  return {
    id: event.id,
    title: event.title,
    artistName: event.artist_name,
    status: event.status,
    showDate: event.show_date,
    doorsAt: isoInstant(event.doors_at),
    showAt: isoInstant(event.show_at),
    endsAt: isoInstant(event.ends_at),
    capacity: event.capacity_override ?? venue.capacity,
    notes: event.notes,
    contacts: await contacts(replica, organizationId, event.request_id, event.promoter_user_id),
    openTasks: openTasks.map((task) => ({
      id: task.id,
      title: task.title,
      dueDate: task.due_date,
      assignee: task.assignee,
    })),
  };
}

/** who to call tonight: the request's booking contact, the promoter, then the venue's managers */
async function contacts(
  replica: Replica,
  organizationId: string,
  requestId: string | null,
  promoterUserId: string | null,
): Promise<Contact[]> {
  const found: Contact[] = [];
  if (requestId) {
    const [request] = await replica.query<{
      contact_name: string;
      company: string | null;
      contact_email: string;
      contact_phone: string | null;
    }>(
      `SELECT contact_name, company, contact_email, contact_phone FROM event_requests
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, requestId],
    );
    if (request) {
      found.push({
        role: 'Booking contact',
        name: request.contact_name,
        company: request.company,
        email: request.contact_email,
        phone: request.contact_phone,
      });
    }
  }
  const members = await replica.query<{ user_id: string; user_name: string; user_email: string; role: string }>(
    `SELECT user_id, user_name, user_email, role FROM memberships
      WHERE organization_id = $1 AND (user_id = $2 OR role IN ('OWNER', 'MANAGER'))
      ORDER BY user_id = $2 DESC, role = 'MANAGER' DESC, user_name, user_id`,
    [organizationId, promoterUserId],
  );
  for (const member of members) {
    found.push({
      role: member.user_id === promoterUserId ? 'Promoter' : member.role === 'OWNER' ? 'Owner' : 'Manager',
      name: member.user_name,
      company: null,
      email: member.user_email,
      phone: null,
    });
  }
  return found;
}
