// The search box: requests (by reference, artist, title or contact), events (by title or
// artist), artists, and people of the organization, answered from the replica alone.
//
// Matching is ILIKE on the raw columns. pg_trgm is not in PGlite, and the fields are short:
// a scan of 20,000 requests stays well inside a keystroke (see replica-search.test.ts). Hits
// whose field starts with the text (or one of its words does) rank before mere substrings.
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';

type SearchHit = CommandResult<'search.query'>[number];
type RankedHit = SearchHit & { rank: number };

// people and artists first: there are few of them and they are what a name usually means
const kindOrder: Record<SearchHit['kind'], number> = { person: 0, artist: 1, event: 2, request: 3 };

/** LIKE patterns for `text`, with its own % and _ taken literally */
function patterns(text: string) {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return { anywhere: `%${escaped}%`, start: `${escaped}%`, wordStart: `% ${escaped}%` };
}

// $2 anywhere, $3 start, $4 word start; a field ranks 0 when it or one of its words starts with the text
const rankOf = (...columns: string[]) =>
  `CASE WHEN ${columns.map((c) => `${c} ILIKE $3 OR ${c} ILIKE $4`).join(' OR ')} THEN 0 ELSE 1 END`;
const matches = (...columns: string[]) => `(${columns.map((c) => `${c} ILIKE $2`).join(' OR ')})`;

export async function searchReplica(
  replica: Replica,
  organizationId: string,
  text: string,
  limit: number,
): Promise<CommandResult<'search.query'>> {
  const wanted = text.trim();
  if (wanted === '') return [];
  const p = patterns(wanted);
  const params = [organizationId, p.anywhere, p.start, p.wordStart, limit];

  const requests = replica.query<RankedHit>(
    `SELECT 'request' AS kind, r.id, r.event_title AS title,
            r.reference || ' · ' || r.artist_name || ' · ' || r.contact_name || ' · ' || r.status AS subtitle,
            ${rankOf('r.reference', 'r.artist_name', 'r.event_title', 'r.contact_name')} AS rank
       FROM event_requests r
      WHERE r.organization_id = $1 AND ${matches('r.reference', 'r.artist_name', 'r.event_title', 'r.contact_name')}
      ORDER BY rank, r.submitted_at DESC, r.id LIMIT $5`,
    params,
  );
  const events = replica.query<RankedHit>(
    `SELECT 'event' AS kind, e.id, e.title, e.artist_name || ' · ' || e.show_date::text || ' · ' || v.name AS subtitle,
            ${rankOf('e.title', 'e.artist_name')} AS rank
       FROM events e JOIN venues v ON v.id = e.venue_id
      WHERE e.organization_id = $1 AND ${matches('e.title', 'e.artist_name')}
      ORDER BY rank, e.show_date DESC, e.id LIMIT $5`,
    params,
  );
  const artists = replica.query<RankedHit>(
    `SELECT 'artist' AS kind, artist_name AS id, artist_name AS title,
            count(*) FILTER (WHERE source = 'event') || ' events · ' ||
            count(*) FILTER (WHERE source = 'request') || ' requests' AS subtitle,
            ${rankOf('artist_name')} AS rank
       FROM (SELECT artist_name, 'event' AS source FROM events WHERE organization_id = $1
             UNION ALL
             SELECT artist_name, 'request' FROM event_requests WHERE organization_id = $1) AS named
      WHERE ${matches('artist_name')}
      GROUP BY artist_name
      ORDER BY rank, artist_name LIMIT $5`,
    params,
  );
  const people = replica.query<RankedHit>(
    `SELECT 'person' AS kind, m.user_id AS id, m.user_name AS title,
            initcap(m.role) || ' · ' || m.user_email AS subtitle,
            ${rankOf('m.user_name', 'm.user_email')} AS rank
       FROM memberships m
      WHERE m.organization_id = $1 AND ${matches('m.user_name', 'm.user_email')}
      ORDER BY rank, m.user_name LIMIT $5`,
    params,
  );

  const hits = (await Promise.all([people, artists, events, requests])).flat();
  // stable sort: within a rank and kind, each query's own order stands
  hits.sort((a, b) => a.rank - b.rank || kindOrder[a.kind] - kindOrder[b.kind]);
  return hits.slice(0, limit).map(({ kind, id, title, subtitle }) => ({ kind, id, title, subtitle }));
}
