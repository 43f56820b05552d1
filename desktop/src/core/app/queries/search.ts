// The search box: requests (by reference, artist, title or contact), events (by title or
// artist), artists, and people of the organization, answered from the replica alone.
//
// pg_trgm is not in PGlite, and ILIKE over four columns of 20,000 requests plus a GROUP BY for
// artists cost a few hundred milliseconds a keystroke. So the replica keeps a local table,
// _search_entries: one row per thing that can be found, with one lower-cased text to match.
// Sync does not maintain it (sync writes run as replication, where triggers stay quiet);
// instead it is rebuilt in one statement (about a second at 20,000 requests) once sync has been
// quiet for a moment after touching a table it is made from. A search that comes while the
// entries are stale waits for the rebuild: results are never older than the replica.
//
// What people type is nearly always the start of a word ("silv", "RQ-7K", "dana b"), so the
// entries' words are also kept in _search_words with a btree in byte order, and a keystroke
// finds its candidates by an index range on the first word (a few milliseconds at 20,000
// requests) instead of scanning every entry (35–40 ms). Matches inside a word still count:
// they fill the list, after the word-start ones, when those are fewer than the limit.
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
);
CREATE TABLE IF NOT EXISTS _search_words (
  organization_id uuid NOT NULL,
  word            text COLLATE "C" NOT NULL,
  kind            text NOT NULL,
  id              text NOT NULL
);
CREATE INDEX IF NOT EXISTS _search_words_prefix ON _search_words (organization_id, word)`;

const rebuildWords = `
INSERT INTO _search_words (organization_id, word, kind, id)
SELECT DISTINCT organization_id, w, kind, id
  FROM _search_entries, regexp_split_to_table(btrim(haystack), '\\s+') AS w
 WHERE organization_id = $1 AND w <> ''`;

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

/** how long sync must be quiet before the entries are rebuilt in the background */
const QUIET_MS = 300;

export class ReplicaSearch {
  #stale = true;
  #rebuilding: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(
    readonly replica: Replica,
    readonly organizationId: string,
    readonly log: (message: string, error?: unknown) => void = () => {},
  ) {
    this.#scheduleRebuild();
  }

  /** sync changed these tables: rebuild once it is quiet, or at the next search */
  noteChange(tables: readonly string[]): void {
    if (!tables.some((table) => searchedTables.has(table))) return;
    this.#stale = true;
    this.#scheduleRebuild();
  }

  /** before the replica closes: no rebuild starts after this, and one under way finishes */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
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
    // the text's own % and _ are taken literally
    const escaped = wanted.replace(/[\\%_]/g, (c) => `\\${c}`);
    const firstWord = wanted.split(/\s+/)[0]!;
    // word starts first, through the index: every entry with a word that begins like the
    // text's first word, then checked against the whole text at a word start
    const atWordStart = await this.replica.query<SearchHit>(
      `SELECT e.kind, e.id, e.title, e.subtitle FROM _search_entries e
        WHERE e.organization_id = $1
          AND (e.kind, e.id) IN (
                SELECT w.kind, w.id FROM _search_words w
                 WHERE w.organization_id = $1 AND w.word >= $2 AND w.word < $3)
          AND e.haystack LIKE $4
        ORDER BY e.kind_order, e.recency DESC NULLS LAST, e.title, e.id
        LIMIT $5`,
      [this.organizationId, firstWord, `${firstWord}\u{10FFFF}`, `% ${escaped}%`, limit],
    );
    if (atWordStart.length >= limit) return atWordStart;
    // then inside words, for what is left of the list
    const inside = await this.replica.query<SearchHit>(
      `SELECT kind, id, title, subtitle FROM _search_entries
        WHERE organization_id = $1 AND haystack LIKE $2 AND haystack NOT LIKE $3
        ORDER BY kind_order, recency DESC NULLS LAST, title, id
        LIMIT $4`,
      [this.organizationId, `%${escaped}%`, `% ${escaped}%`, limit - atWordStart.length],
    );
    return [...atWordStart, ...inside];
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
        await tx.query('DELETE FROM _search_words WHERE organization_id = $1', [this.organizationId]);
        await tx.query(rebuildEntries, [this.organizationId]);
        await tx.query(rebuildWords, [this.organizationId]);
      });
    } catch (error) {
      this.#stale = true;
      throw error;
    }
  }
}
