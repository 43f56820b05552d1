// The members the last rounds of filings were planned with, by organization, so that a busy form
// does not read them again for every round: that read is a round trip of its own, costing about as
// much as a good part of the filing statement. Nothing here is
// trusted: the filing statement checks that the members it needs are still these before it writes
// (OrganizationPeople.stillSql), and a round planned with changed members is planned again with
// the members read anew.
import { OrganizationPeople, type Member, type PeopleScope } from './organization-people.js';

/** Organizations remembered at most; past that the memory starts again empty. */
const MAX_ORGANIZATIONS = 1_000;

export class KnownPeople {
  /** each organization's OWNER and MANAGER members, and the PROMOTER members met so far */
  readonly #members = new Map<string, readonly Member[]>();

  /**
   * The people of this scope as last read, or nothing when one of its organizations was not. A
   * requester's address that belonged to no PROMOTER member is taken to belong to none still.
   */
  people(scope: PeopleScope): OrganizationPeople | undefined {
    const emails = new Set(scope.emails);
    const members: Member[] = [];
    for (const organizationId of scope.organizations) {
      const known = this.#members.get(organizationId);
      if (!known) return undefined;
      for (const m of known) if (m.role !== 'PROMOTER' || emails.has(m.email)) members.push(m);
    }
    return OrganizationPeople.of(members);
  }

  /** Remembers the people just read for a scope: they replace what was known of its organizations. */
  remember(scope: PeopleScope, people: OrganizationPeople): OrganizationPeople {
    if (this.#members.size + scope.organizations.length > MAX_ORGANIZATIONS) this.#members.clear();
    for (const organizationId of scope.organizations) {
      this.#members.set(
        organizationId,
        people.members.filter((m) => m.organizationId === organizationId),
      );
    }
    return people;
  }
}
