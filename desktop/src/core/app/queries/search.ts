// The search box: requests (by reference, artist, title or contact), events (by title or
// artist), artists, and people of the organization, answered from the replica alone.
//
// pg_trgm is not in PGlite, and ILIKE over four columns of 20,000 requests plus a GROUP BY for
// artists cost a few hundred milliseconds a keystroke. So the replica keeps a local table,
// _search_entries: one row per thing that can be found, with one lower-cased text to match.
// Sync does not maintain it (sync writes run as replication, where triggers stay quiet);
// instead it is rebuilt in one statement (about a second at 20,000 requests) once sync has been
// quiet for a moment after touching a table it is made from, and a keystroke then scans one
// short column (tens of milliseconds). A search that comes while the entries are stale waits
// for the rebuild: results are never older than the replica.
//
// A keystroke must answer within a frame or two, and scanning 40,000 haystacks with LIKE in
// PGlite took about 25 ms on the team's laptops. So after each build the entries are also held
// in memory, already in result order, and a keystroke walks that array (a few milliseconds),
// stopping as soon as enough word-start matches are found. The table stays the durable copy
// that lets an unchanged replica skip the rebuild when it is opened again.
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';

type SearchHit = CommandResult<'search.query'>[number];

/** the synced tables the entries are made from */
export const searchedTables: ReadonlySet<string> = new Set(['event_requests', 'events', 'venues', 'memberships']);

const createEntries = `
CREATE TABLE IF NOT EXISTS _search_entries (
  organization_id uuid NOT NULL,
  kind            text NOT NULL,
  -- people and artists first: there are few of them and they are what a name usually means
  kind_order      int NOT NULL,
  id              text NOT NULL,
  title           text NOT NULL,
  subtitle        text NOT NULL,
  -- ' ' || the matched fields, lower-cased, so that '% word%' finds a field or word start
  haystack        text NOT NULL,
  -- newest first within a kind
  recency         timestamptz,
  PRIMARY KEY (organization_id, kind, id)
)`;

const rebuildEntries = `
INSERT INTO _search_entries (organization_id, kind, kind_order, id, title, subtitle, haystack, recency)
SELECT $1, 'person', 0, m.user_id::text, m.user_name, initcap(m.role) || ' · ' || m.user_email,
       ' ' || lower(m.user_name || ' ' || m.user_email), NULL
  FROM memberships m WHERE m.organization_id = $1
UNION ALL
SELECT $1, 'artist', 1, artist_name, artist_name,
       count(*) FILTER (WHERE source = 'event') || ' events · ' || count(*) FILTER (WHERE source = 'request') || ' requests',
       ' ' || lower(artist_name), max(recency)
  FROM (SELECT artist_name, 'event' AS source, show_at AS recency FROM events WHERE organization_id = $1
        UNION ALL
        SELECT artist_name, 'request', submitted_at FROM event_requests WHERE organization_id = $1) AS named
 GROUP BY artist_name
UNION ALL
SELECT $1, 'event', 2, e.id::text, e.title, e.artist_name || ' · ' || e.show_date::text || ' · ' || coalesce(v.name, ''),
       ' ' || lower(e.title || ' ' || e.artist_name), e.show_at
  FROM events e LEFT JOIN venues v ON v.id = e.venue_id WHERE e.organization_id = $1
UNION ALL
SELECT $1, 'request', 3, r.id::text, r.event_title,
       r.reference || ' · ' || r.artist_name || ' · ' || r.contact_name || ' · ' || r.status,
       ' ' || lower(r.reference || ' ' || r.artist_name || ' ' || r.event_title || ' ' || r.contact_name), r.submitted_at
  FROM event_requests r WHERE r.organization_id = $1`;

const createState = `
CREATE TABLE IF NOT EXISTS _search_state (
  organization_id uuid PRIMARY KEY,
  -- _sync_organizations.last_synced_at when the entries were built
  built_at_sync   timestamptz
)`;

/** how long sync must be quiet before the entries are rebuilt in the background */
const QUIET_MS = 300;
/** how long after opening an unchanged replica its entries are read into memory */
const PREFETCH_AFTER_MS = 2000;

/** one findable thing, with its lower-cased haystack */
interface Entry extends SearchHit {
  haystack: string;
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
           SELECT 1 FROM _search_state s JOIN _sync_organizations o USING (organization_id)
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

  async search(text: string, limit: number): Promise<CommandResult<'search.query'>> {
    const wanted = text.trim().toLowerCase();
    if (wanted === '') return [];
    if (this.#closed) throw new Error('the replica is closing');
    await this.#fresh();
    await this.#ensureLoaded();
    return pick(this.#entries, wanted, limit);
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
        await tx.exec(createEntries);
        await tx.query('DELETE FROM _search_entries WHERE organization_id = $1', [this.organizationId]);
        await tx.query(rebuildEntries, [this.organizationId]);
        this.#entries = await this.#load(tx);
        this.#loaded = true;
        await tx.exec(createState);
        await tx.query(
          `INSERT INTO _search_state (organization_id, built_at_sync)
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
    const { rows } = await db.query<Entry>(
      `SELECT kind, id, title, subtitle, haystack FROM _search_entries
        WHERE organization_id = $1
        ORDER BY kind_order, recency DESC NULLS LAST, title, id`,
      [this.organizationId],
    );
    return rows;
  }
}

/**
 * The first `limit` entries containing `wanted`, those where it starts a word first, each group
 * in the entries' own order.
 */
export function pick(entries: readonly Entry[], wanted: string, limit: number): SearchHit[] {
  const atWordStart: SearchHit[] = [];
  const inside: SearchHit[] = [];
  const wordStart = ` ${wanted}`;
  for (const entry of entries) {
    const at = entry.haystack.indexOf(wanted);
    if (at < 0) continue;
    const hit = { kind: entry.kind, id: entry.id, title: entry.title, subtitle: entry.subtitle };
    if (entry.haystack.includes(wordStart)) {
      atWordStart.push(hit);
      if (atWordStart.length === limit) break;
    } else if (inside.length < limit) {
      inside.push(hit);
    }
  }
  return [...atWordStart, ...inside].slice(0, limit);
}
