-- target: relay
-- Row-level security, the second wall behind the relay's own organization filters. The relay
-- serves as a role that owns nothing (docs/database-roles.md); every transaction it runs on
-- tenant rows names the organizations it acts for as its first statement
-- (relay/src/db/as-organizations.ts), and the policies show and accept only those rows. Which
-- table gets which policy and which grants is decided in one place, relay/src/db/privileges.ts,
-- applied after every migration run, so a table added later cannot be forgotten here.
--
-- The few reads that must cross organizations by design are the functions below, each returning
-- exactly what its caller needs. They run as promoteros_definer, a role nobody can log in as and
-- the relay's role is not a member of, which alone may read the tables they name across
-- organizations (privileges.ts gives it SELECT and a read-only policy on those tables, nothing else).
-- PL/pgSQL rather than SQL: a SECURITY DEFINER function is never inlined, and PL/pgSQL keeps its
-- statements' plans for the connection where a SQL function plans its body on every call (the
-- session's look-up runs on every request).

-- The organizations of the caller's transaction; an unset or empty setting means none at all.
CREATE FUNCTION caller_organization_ids() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_to_array(nullif(current_setting('promoteros.organization_ids', true), ''), ',')::uuid[],
                  '{}'::uuid[])
$$;

-- Who is calling: a bearer token's session and the person's memberships, in every organization
-- (the caller's organizations are what the relay sets afterwards, so they cannot come from it).
CREATE FUNCTION session_caller(session_token_hash text)
  RETURNS TABLE (session_id uuid, user_id uuid, organization_id uuid, role text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT s.id, s.user_id, m.organization_id, m.role
      FROM sessions s
      LEFT JOIN memberships m ON m.user_id = s.user_id
     WHERE s.token_hash = session_token_hash
       AND s.revoked_at IS NULL
       AND s.expires_at > now();
END
$$;

-- Where a person belongs, for the sign-in answer: before it, nobody knows their organizations.
CREATE FUNCTION user_organizations(member_user_id uuid)
  RETURNS TABLE (id uuid, slug text, name text, role text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT o.id, o.slug, o.name, m.role
      FROM memberships m JOIN organizations o ON o.id = m.organization_id
     WHERE m.user_id = member_user_id
     ORDER BY o.name, o.id;
END
$$;

-- The public intake page: a venue that takes requests, by its organization's slug and its own.
-- Only what the page shows and the filing needs; nothing of a venue that does not take requests.
CREATE FUNCTION intake_venue(organization_slug text, venue_slug text)
  RETURNS TABLE (id uuid, organization_id uuid, organization_name text, name text, timezone text,
                 capacity integer, min_attendance integer)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT v.id, v.organization_id, o.name, v.name, v.timezone, v.capacity, v.min_attendance
      FROM organizations o JOIN venues v ON v.organization_id = o.id
     WHERE o.slug = organization_slug AND v.slug = venue_slug AND v.intake_enabled;
END
$$;

-- The hold sweeper (relay/src/holds): the venue dates of every organization with a hold past its
-- expiry. Each is then expired in a transaction acting for its organization alone.
CREATE FUNCTION hold_dates_due(as_of timestamptz)
  RETURNS TABLE (organization_id uuid, venue_id uuid, hold_date text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT DISTINCT h.organization_id, h.venue_id, to_char(h.hold_date, 'YYYY-MM-DD')
      FROM holds h
     WHERE h.status = 'ACTIVE' AND h.expires_at <= as_of;
END
$$;

-- The hold sweeper's reminders, for every organization: `hold.expiring` once per hold and expiry
-- time, `hold.challenge_expired` once per unanswered challenge. Reads holds, writes only jobs.
CREATE FUNCTION enqueue_hold_reminders(as_of timestamptz, remind_before interval)
  RETURNS TABLE (reminded bigint, challenges_lapsed bigint)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  r bigint;
  c bigint;
BEGIN
  INSERT INTO jobs (organization_id, kind, payload)
  SELECT h.organization_id, 'hold.expiring',
         jsonb_build_object('holdId', h.id, 'requestId', h.request_id, 'venueId', h.venue_id,
                            'holdDate', h.hold_date, 'expiresAt', h.expires_at)
    FROM holds h
   WHERE h.status = 'ACTIVE'
     AND h.expires_at > as_of
     AND h.expires_at <= as_of + remind_before
     AND NOT EXISTS (SELECT 1 FROM jobs j
                      WHERE j.kind = 'hold.expiring' AND j.organization_id = h.organization_id
                        AND j.payload->>'holdId' = h.id::text
                        AND (j.payload->>'expiresAt')::timestamptz = h.expires_at);
  GET DIAGNOSTICS r = ROW_COUNT;
  INSERT INTO jobs (organization_id, kind, payload)
  SELECT h.organization_id, 'hold.challenge_expired',
         jsonb_build_object('holdId', h.id, 'challengerHoldId', h.challenged_by_hold_id,
                            'requestId', h.request_id, 'venueId', h.venue_id, 'holdDate', h.hold_date,
                            'deadline', h.challenge_deadline)
    FROM holds h
   WHERE h.status = 'ACTIVE'
     AND h.challenged_by_hold_id IS NOT NULL
     AND h.challenge_deadline <= as_of
     AND NOT EXISTS (SELECT 1 FROM jobs j
                      WHERE j.kind = 'hold.challenge_expired' AND j.organization_id = h.organization_id
                        AND j.payload->>'holdId' = h.id::text
                        AND j.payload->>'challengerHoldId' = h.challenged_by_hold_id::text
                        AND (j.payload->>'deadline')::timestamptz = h.challenge_deadline);
  GET DIAGNOSTICS c = ROW_COUNT;
  RETURN QUERY SELECT r, c;
END
$$;
