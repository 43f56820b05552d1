// An organization of the cast as rows: the organization, its people (a person of every role) with
// their memberships, an invitation still open and one withdrawn, and its venues. People joined a
// day apart after the organization was founded; its venues opened an hour after it.
import { DEFAULT_LOCALE } from '@promoteros/shared/format';
import { demoEmail, type DemoOrganization, type DemoVenue } from './cast.js';
import {
  audit,
  DAY,
  HOUR,
  iso,
  type DemoPlan,
  type PlanClock,
  type PlannedMember,
  type PlannedOrganization,
  type PlannedVenue,
} from './plan-types.js';

export function planOrganization(
  plan: DemoPlan,
  clock: PlanClock,
  cast: DemoOrganization,
  founded: number,
): PlannedOrganization {
  const { random } = clock;
  const orgId = random.uuid();
  plan.organizations.push({
    id: orgId,
    slug: cast.slug,
    name: cast.name,
    email_from: `bookings@${cast.slug}.demo`,
    locale: DEFAULT_LOCALE,
    // what its deals are in unless a deal says otherwise (each venue's deals name their own)
    currency: 'USD',
    created_at: iso(founded),
    updated_at: iso(founded),
  });
  const members = cast.people.map((person, i): PlannedMember => {
    const userId = random.uuid();
    const email = demoEmail(cast, person);
    const joined = iso(founded + i * DAY);
    plan.users.push({
      id: userId,
      email,
      display_name: person.name,
      phone: person.phone,
      created_at: joined,
      updated_at: joined,
    });
    plan.memberships.push({
      id: random.uuid(),
      organization_id: orgId,
      user_id: userId,
      role: person.role,
      user_email: email,
      user_name: person.name,
      created_at: joined,
      updated_at: joined,
    });
    return { userId, role: person.role, name: person.name, email };
  });
  const org: PlannedOrganization = { id: orgId, cast, members };
  planInvitations(plan, clock, org);
  return org;
}

/** One invitation still open, one withdrawn, both sent by the owner. */
function planInvitations(plan: DemoPlan, clock: PlanClock, org: PlannedOrganization): void {
  const owner = org.members.find((m) => m.role === 'OWNER')!;
  const { slug } = org.cast;
  for (const [mailbox, revoked] of [
    ['new.staff', false],
    ['old.intern', true],
  ] as const) {
    const sent = clock.anchor - (revoked ? 40 : 2) * DAY;
    plan.invitations.push({
      id: clock.random.uuid(),
      organization_id: org.id,
      email: `${mailbox}@${slug}.demo`,
      role: 'STAFF',
      token_hash: clock.random.hex(64),
      invited_by: owner.userId,
      expires_at: iso(sent + 7 * DAY),
      accepted_at: null,
      revoked_at: revoked ? iso(sent + 3 * DAY) : null,
      created_at: iso(sent),
      updated_at: iso(revoked ? sent + 3 * DAY : sent),
    });
    audit(plan, clock, {
      organizationId: org.id,
      actor: owner.userId,
      action: 'member.invited',
      table: 'invitations',
      entityId: plan.invitations.at(-1)!.id,
      at: sent,
      details: { email: `${mailbox}@${slug}.demo`, role: 'STAFF' },
    });
  }
}

/** A venue of the organization, taking requests on its intake page. */
export function planVenue(
  plan: DemoPlan,
  clock: PlanClock,
  org: PlannedOrganization,
  cast: DemoVenue,
  founded: number,
): PlannedVenue {
  const venueId = clock.random.uuid();
  const opened = iso(founded + HOUR);
  plan.venues.push({
    id: venueId,
    organization_id: org.id,
    slug: cast.slug,
    name: cast.name,
    timezone: cast.timezone,
    capacity: cast.capacity,
    min_attendance: cast.minAttendance,
    address: cast.address,
    city: cast.city,
    country: cast.country,
    intake_enabled: true,
    sender_name: null,
    archived_at: null,
    created_at: opened,
    updated_at: opened,
  });
  return { id: venueId, organization: org, cast };
}
