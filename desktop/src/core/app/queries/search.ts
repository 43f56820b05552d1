// The search box: requests (by reference, artist, title or contact), events (by title or
// artist), artists, people of the organization, and the guests on the lists of today's and
// upcoming shows, answered from the replica alone. A hit carries facts (status codes, instants,
// counts), never sentences: the renderer writes them in the user's words and the venue's time.
//
// pg_trgm is not in PGlite, and ILIKE over four columns of 20,000 requests plus a GROUP BY for
// artists cost a few hundred milliseconds a keystroke. So the replica keeps a local table,
// _search_hits: one row per thing that can be found, with one lower-cased text to match.
// Sync does not maintain it (sync writes run as replication, where triggers stay quiet);
// instead it is rebuilt in one statement once sync has been quiet for a moment after touching a
// table it is made from. A search that comes while the entries are stale waits for the rebuild:
// results are never older than the replica.
//
// A keystroke must answer within a frame or two, and a LIKE scan over every entry in PGlite
// takes longer than that on a large organization. So after each build the entries are also held
// in memory, already in result order, and a keystroke walks that array, stopping as soon as
// enough word-start matches are found. The table stays the durable copy
// that lets an unchanged replica skip the rebuild when it is opened again.
import { venueToday } from '@promoteros/shared/venue-clock';
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';

type SearchHit = CommandResult<'search.query'>[number];

/** the synced tables the entries are made from */
export const searchedTables: ReadonlySet<string> = new Set([
  'event_requests',
  'events',
  'venues',
  'memberships',
  'guest_lists',
  'guest_list_entries',
]);

// A replica may still hold _search_entries and _search_state, tables of an earlier layout of this
// index whose rows cannot be reused: they are dropped at the first rebuild, and with no
// _search_hits_state row the index is built afresh.
const dropOldTables = 'DROP TABLE IF EXISTS _search_entries; DROP TABLE IF EXISTS _search_state';

const createEntries = `
CREATE TABLE IF NOT EXISTS _search_hits (
  organization_id uuid NOT NULL,
  kind            text NOT NULL,
  -- people and artists first: there are few of them and they are what a name usually means
  kind_order      int NOT NULL,
  id              text NOT NULL,
  title           text NOT NULL,
  -- the hit's other fields, as SearchHit names them
  facts           jsonb NOT NULL,
  -- ' ' || the matched fields, lower-cased, so that '% word%' finds a field or word start
  haystack        text NOT NULL,
  -- higher first within a kind: the newest request, event or artist; for guests the soonest show
  sort_key        double precision,
  -- guests only: when their show ends, after which they are no longer searched for
  until           timestamptz,
  PRIMARY KEY (organization_id, kind, id)
)`;

const isoOf = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const epochOf = (column: string) => `extract(epoch FROM ${column})::float8`;

const showFacts = `'venueName', v.name, 'showDate', e.show_date::text, 'showAt', ${isoOf('e.show_at')}, 'timezone', v.timezone`;

const rebuildEntries = `
INSERT INTO _search_hits (organization_id, kind, kind_order, id, title, facts, haystack, sort_key, until)
SELECT $1, 'person', 0, m.user_id::text, m.user_name, jsonb_build_object('role', m.role, 'email', m.user_email),
       ' ' || lower(m.user_name || ' ' || m.user_email), NULL::float8, NULL::timestamptz
  FROM memberships m WHERE m.organization_id = $1
UNION ALL
SELECT $1, 'artist', 1, artist_name, artist_name,
       jsonb_build_object('events', count(*) FILTER (WHERE source = 'event'),
                          'requests', count(*) FILTER (WHERE source = 'request')),
       ' ' || lower(artist_name), ${epochOf('max(recency)')}, NULL
  FROM (SELECT artist_name, 'event' AS source, show_at AS recency FROM events WHERE organization_id = $1
        UNION ALL
        SELECT artist_name, 'request', submitted_at FROM event_requests WHERE organization_id = $1) AS named
 GROUP BY artist_name
UNION ALL
SELECT $1, 'event', 2, e.id::text, e.title,
       jsonb_build_object('artistName', e.artist_name, 'status', e.status, ${showFacts}),
       ' ' || lower(e.title || ' ' || e.artist_name), ${epochOf('e.show_at')}, NULL
  FROM events e JOIN venues v ON v.id = e.venue_id WHERE e.organization_id = $1
UNION ALL
SELECT $1, 'guest', 3, g.id::text, g.guest_name,
       jsonb_build_object('eventId', e.id::text, 'eventTitle', e.title, 'venueId', v.id::text, 'listName', l.name,
                          'admitCount', g.admit_count, ${showFacts}),
       ' ' || lower(g.guest_name), -${epochOf('e.show_at')}, e.ends_at
  FROM guest_list_entries g
  JOIN guest_lists l ON l.id = g.guest_list_id
  JOIN events e ON e.id = g.event_id
  JOIN venues v ON v.id = e.venue_id
 -- past shows' lists stay out; the exact cut (the venue's today) is made per search, see pick
 WHERE g.organization_id = $1 AND e.status <> 'CANCELLED' AND e.ends_at > $2
UNION ALL
SELECT $1, 'request', 4, r.id::text, r.event_title,
       jsonb_build_object('reference', r.reference, 'artistName', r.artist_name, 'contactName', r.contact_name,
                          'status', r.status),
       ' ' || lower(r.reference || ' ' || r.artist_name || ' ' || r.event_title || ' ' || r.contact_name),
       ${epochOf('r.submitted_at')}, NULL
  FROM event_requests r WHERE r.organization_id = $1`;

/** a show that ended up to this long ago may still be today's show somewhere on Earth */
const PAST_SHOWS_KEPT_MS = 2 * 86_400_000;

const createState = `
CREATE TABLE IF NOT EXISTS _search_hits_state (
  organization_id uuid PRIMARY KEY,
  -- _sync_organizations.last_synced_at when the entries were built
  built_at_sync   timestamptz
)`;

/** how long sync must be quiet before the entries are rebuilt in the background */
const QUIET_MS = 300;
/** how long after opening an unchanged replica its entries are read into memory */
const PREFETCH_AFTER_MS = 2000;

/** one findable thing, with its lower-cased haystack */
export interface Entry {
  readonly kind: SearchHit['kind'];
  readonly id: string;
  readonly title: string;
  readonly facts: Record<string, unknown>;
  readonly haystack: string;
  /** guests: when their show ends (ms since the epoch); null for everything else */
  readonly until: number | null;
}

export class ReplicaSearch {
  #stale = true;
  /** the organization's entries in result order (before the word-start preference) */
  #entries: Entry[] = [];
  /** whether #entries holds the table's current entries */
  #loaded = false;
  #loading: Promise<void> | undefined;
  #prefetch: ReturnType<typeof setTimeout> | undefined;
  #changedSinceOpen = false;
  #rebuilding: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(
    readonly replica: Replica,
    readonly organizationId: string,
    readonly log: (message: string, error?: unknown) => void = () => {},
  ) {
    void this.#resumeOrRebuild();
  }

  /**
   * On open, entries built from exactly the replica's current state are reused: rebuilding
   * them (about a second at 20,000 requests) would hold the replica while the first screen
   * wants it. The sync engine stamps every applied batch in _sync_organizations, so an equal
   * stamp means nothing changed since they were built.
   */
  async #resumeOrRebuild(): Promise<void> {
    try {
      await this.replica.db.exec(createState);
      const [current] = await this.replica.query<{ ok: boolean }>(
        `SELECT EXISTS (
           SELECT 1 FROM _search_hits_state s JOIN _sync_organizations o USING (organization_id)
            WHERE s.organization_id = $1 AND s.built_at_sync = o.last_synced_at) AS ok`,
        [this.organizationId],
      );
      if (current?.ok && !this.#changedSinceOpen) {
        this.#stale = false;
        // Reading 40,000 entries into memory takes PGlite a few hundred milliseconds: not while
        // the first screen waits for its queries, but soon after, before anyone types.
        this.#prefetch = setTimeout(() => {
          if (!this.#closed)
            this.#ensureLoaded().catch((error: unknown) => this.log('loading the search entries failed', error));
        }, PREFETCH_AFTER_MS);
        return;
      }
    } catch (error) {
      this.log('could not tell whether the search entries are current', error);
    }
    this.#scheduleRebuild();
  }

  /** sync changed these tables: rebuild once it is quiet, or at the next search */
  noteChange(tables: readonly string[]): void {
    if (!tables.some((table) => searchedTables.has(table))) return;
    this.#stale = true;
    this.#changedSinceOpen = true;
    this.#scheduleRebuild();
  }

  /** before the replica closes: no rebuild starts after this, and one under way finishes */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#prefetch);
    await this.#loading?.catch(() => {});
    await this.#rebuilding?.catch(() => {});
  }

  #scheduleRebuild(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#closed) return;
      this.#fresh().catch((error: unknown) => this.log('rebuilding the search entries failed', error));
    }, QUIET_MS);
  }

  async search(text: string, limit: number, now: Date = new Date()): Promise<CommandResult<'search.query'>> {
    const wanted = text.trim().toLowerCase();
    if (wanted === '') return [];
    if (this.#closed) throw new Error('the replica is closing');
    await this.#fresh();
    await this.#ensureLoaded();
    return pick(this.#entries, wanted, limit, now);
  }

  async #ensureLoaded(): Promise<void> {
    if (this.#loaded) return;
    this.#loading ??= this.#load(this.replica.db)
      .then((entries) => {
        // a rebuild that finished meanwhile loaded newer ones
        if (!this.#loaded) {
          this.#entries = entries;
          this.#loaded = true;
        }
      })
      .finally(() => (this.#loading = undefined));
    await this.#loading;
  }

  async #fresh(): Promise<void> {
    while (this.#stale && !this.#closed) {
      this.#rebuilding ??= this.#rebuild().finally(() => (this.#rebuilding = undefined));
      await this.#rebuilding;
    }
  }

  async #rebuild(): Promise<void> {
    // cleared first: a change that lands while rebuilding marks it stale again
    this.#stale = false;
    try {
      await this.replica.db.transaction(async (tx) => {
        await tx.exec(dropOldTables);
        await tx.exec(createEntries);
        await tx.query('DELETE FROM _search_hits WHERE organization_id = $1', [this.organizationId]);
        await tx.query(rebuildEntries, [this.organizationId, new Date(Date.now() - PAST_SHOWS_KEPT_MS)]);
        this.#entries = await this.#load(tx);
        this.#loaded = true;
        await tx.exec(createState);
        await tx.query(
          `INSERT INTO _search_hits_state (organization_id, built_at_sync)
           SELECT $1, last_synced_at FROM _sync_organizations WHERE organization_id = $1
           ON CONFLICT (organization_id) DO UPDATE SET built_at_sync = EXCLUDED.built_at_sync`,
          [this.organizationId],
        );
      });
    } catch (error) {
      this.#stale = true;
      throw error;
    }
  }

  async #load(db: Pick<Replica['db'], 'query'>): Promise<Entry[]> {
    const { rows } = await db.query<Omit<Entry, 'until'> & { until: Date | null }>(
      `SELECT kind, id, title, facts, haystack, until FROM _search_hits
        WHERE organization_id = $1
        ORDER BY kind_order, sort_key DESC NULLS LAST, title, id`,
      [this.organizationId],
    );
    return rows.map((row) => ({ ...row, until: row.until ? row.until.getTime() : null }));
  }
}

/**
 * The first `limit` entries containing `wanted`, those where it starts a word first, each group
 * in the entries' own order. Guests only while their show is today's or still to come at its
 * venue: the entries are built rarely, so the day turning is judged here.
 */
export function pick(entries: readonly Entry[], wanted: string, limit: number, now: Date = new Date()): SearchHit[] {
  const atWordStart: SearchHit[] = [];
  const inside: SearchHit[] = [];
  const wordStart = ` ${wanted}`;
  const todayIn = new Map<string, string>();
  const current = (entry: Entry) => {
    if (entry.until === null || entry.until > now.getTime()) return true;
    const zone = String(entry.facts.timezone);
    let today = todayIn.get(zone);
    if (today === undefined) todayIn.set(zone, (today = venueToday(now, zone)));
    return String(entry.facts.showDate) >= today;
  };
  for (const entry of entries) {
    const at = entry.haystack.indexOf(wanted);
    if (at < 0 || !current(entry)) continue;
    const hit = { ...entry.facts, kind: entry.kind, id: entry.id, title: entry.title } as SearchHit;
    if (entry.haystack.includes(wordStart)) {
      atWordStart.push(hit);
      if (atWordStart.length === limit) break;
    } else if (inside.length < limit) {
      inside.push(hit);
    }
  }
  return [...atWordStart, ...inside].slice(0, limit);
}
