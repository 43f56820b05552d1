-- target: relay
-- The audit log becomes tamper-evident: each organization's entries form a hash chain. Every entry
-- carries its place in its organization's chain (chain_position 1, 2, 3 …), the previous entry's
-- hash and its own hash over its content and that previous hash, so changing, removing or
-- reordering an entry breaks every link after it (relay/src/audit/README.md says what is hashed
-- and how `npm run audit:verify` checks it). Entries are only ever added: UPDATE (0005), DELETE
-- and TRUNCATE are refused. The chain lives on the relay only: the desktop replicas keep the
-- columns of 0003 (shared/src/synced-tables.ts lists the new ones as relay-only).
--
-- Appending takes the organization's lock, the one POST /v1/mutations already holds for its batch
-- (ORGANIZATION_LOCK_CLASS in relay/src/mutations/apply-mutation.ts, re-entrant there), so two
-- writers cannot both append after the same entry, and a unique index makes a fork impossible
-- even so. The chain's head is read from that index: one descent to the organization's last entry
-- (entries are never updated or deleted, so it holds nothing dead to step over). A head row per
-- organization, updated with every entry, was measured slower: a statement or transaction that
-- appends many entries piles up versions of that one row and each next entry walks them all
-- (20,000 entries in one statement, on a busy machine: 380 µs an entry with a head row, 52 µs
-- with the index, 40 µs with no chain at all).
-- The functions that chain entries and write anchors run as the owner of this migration
-- (SECURITY DEFINER): the relay's role needs no grant to write anchors itself.

ALTER TABLE audit_logs
  ADD COLUMN chain_position bigint,
  ADD COLUMN previous_hash  text,
  ADD COLUMN entry_hash     text;

-- A chain head as it was at a moment, kept apart from the log (and printed to the relay's log,
-- relay/src/audit/anchor-writer.ts) so that a chain cut short after it can be told from one that
-- never grew: verification finds an anchor beyond the chain's end.
CREATE TABLE audit_anchors (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  chain_position   bigint NOT NULL CHECK (chain_position >= 1),
  entry_hash       text NOT NULL CHECK (entry_hash ~ '^[0-9a-f]{64}$'),
  anchored_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_anchors_organization_idx ON audit_anchors (organization_id, chain_position);

-- The hashed bytes, one field a line (the verifier in relay/src/audit/entry-hash.ts builds the
-- same): a version tag, then organization, position, id, actor, action, entity table, entity id,
-- details, created_at and the previous hash. Free text is prefixed with its length in bytes so no
-- field can pass for two; absent ids are empty; details are jsonb's own text form (keys sorted,
-- one spelling per value); created_at is UTC with microseconds whatever the session's TimeZone.
CREATE FUNCTION audit_entry_hash(
  organization_id uuid, chain_position bigint, id uuid, actor_user_id uuid, action text,
  entity_table text, entity_id uuid, details jsonb, created_at timestamptz, previous_hash text
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\n',
    'promoteros-audit-v1',
    organization_id::text,
    chain_position::text,
    id::text,
    coalesce(actor_user_id::text, ''),
    octet_length(action)::text || ':' || action,
    octet_length(entity_table)::text || ':' || entity_table,
    coalesce(entity_id::text, ''),
    octet_length(details::text)::text || ':' || details::text,
    to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    previous_hash), 'UTF8')), 'hex')
$$;

-- Whatever a writer puts in the chain columns is replaced: only this trigger places entries.
CREATE FUNCTION chain_audit_entry() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  head_position bigint;
  head_hash     text;
BEGIN
  PERFORM pg_advisory_xact_lock(72504143, hashtext(NEW.organization_id::text));
  -- the entries earlier rows of the same statement added are visible here (a row trigger's query
  -- sees them), so a statement appending many entries chains them one after the other
  SELECT a.chain_position, a.entry_hash INTO head_position, head_hash
    FROM audit_logs a WHERE a.organization_id = NEW.organization_id
   ORDER BY a.chain_position DESC LIMIT 1;
  NEW.chain_position := coalesce(head_position, 0) + 1;
  NEW.previous_hash := coalesce(head_hash, repeat('0', 64));
  NEW.entry_hash := audit_entry_hash(NEW.organization_id, NEW.chain_position, NEW.id, NEW.actor_user_id,
    NEW.action, NEW.entity_table, NEW.entity_id, NEW.details, NEW.created_at, NEW.previous_hash);
  RETURN NEW;
END
$$;

-- The existing entries, oldest first, become each organization's chain. Their capture is off
-- meanwhile: the columns filled in are never synced, so the replicas have nothing to learn.
ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_append_only, DISABLE TRIGGER audit_logs_capture;
DO $$
DECLARE
  entry          record;
  organization   uuid;
  entry_position bigint;
  previous       text;
  hash           text;
BEGIN
  FOR entry IN SELECT * FROM audit_logs ORDER BY organization_id, created_at, id LOOP
    IF organization IS DISTINCT FROM entry.organization_id THEN
      organization := entry.organization_id;
      entry_position := 0;
      previous := repeat('0', 64);
    END IF;
    entry_position := entry_position + 1;
    hash := audit_entry_hash(entry.organization_id, entry_position, entry.id, entry.actor_user_id, entry.action,
      entry.entity_table, entry.entity_id, entry.details, entry.created_at, previous);
    UPDATE audit_logs SET chain_position = entry_position, previous_hash = previous, entry_hash = hash
     WHERE id = entry.id;
    previous := hash;
  END LOOP;
END
$$;
ALTER TABLE audit_logs ENABLE TRIGGER audit_logs_append_only, ENABLE TRIGGER audit_logs_capture;

ALTER TABLE audit_logs
  ALTER COLUMN chain_position SET NOT NULL,
  ALTER COLUMN previous_hash SET NOT NULL,
  ALTER COLUMN entry_hash SET NOT NULL;
-- one entry per place: a second writer that got past the lock could not fork the chain either
CREATE UNIQUE INDEX audit_logs_chain_idx ON audit_logs (organization_id, chain_position);

-- Named to fire after any other BEFORE INSERT trigger (they fire in name order) that might still
-- change the row: the hash is over the row as stored.
CREATE TRIGGER audit_logs_zz_chain BEFORE INSERT ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION chain_audit_entry();

-- Entries and anchors leave only with their organization (its deletion cascades here); nothing
-- else removes them. SECURITY DEFINER: whether the organization is gone is read past any policy.
CREATE FUNCTION refuse_audit_erasure() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1
     AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = OLD.organization_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: entries cannot be removed', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_logs_no_delete BEFORE DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_erasure();
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_erasure();
CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_edit();
CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_erasure();
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_erasure();

-- Anchors every chain whose head (its last committed entry) moved since its last anchor; returns
-- the anchors written. One relay at a time (two relays anchoring at once would write the same
-- anchor twice). One index descent per organization.
CREATE FUNCTION record_audit_anchors()
  RETURNS TABLE (organization_id uuid, chain_position bigint, entry_hash text, anchored_at timestamptz)
  LANGUAGE sql SECURITY DEFINER AS $$
  SELECT pg_advisory_xact_lock(72504159);
  INSERT INTO audit_anchors AS a (organization_id, chain_position, entry_hash)
  SELECT o.id, h.chain_position, h.entry_hash
    FROM organizations o
   CROSS JOIN LATERAL (SELECT l.chain_position, l.entry_hash FROM audit_logs l
                        WHERE l.organization_id = o.id ORDER BY l.chain_position DESC LIMIT 1) h
   WHERE NOT EXISTS (SELECT 1 FROM audit_anchors p
                      WHERE p.organization_id = o.id
                        AND p.chain_position = h.chain_position AND p.entry_hash = h.entry_hash)
  RETURNING a.organization_id, a.chain_position, a.entry_hash, a.anchored_at;
$$;

-- Every organization, for `npm run audit:verify` (an operator's tool, run as the tables' owner):
-- with row-level security forced, not even the owner lists organizations without naming them
-- first. Owned by promoteros_definer and executable by the owner only (relay/src/db/privileges.ts).
CREATE FUNCTION audit_organizations()
  RETURNS TABLE (id uuid, name text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY SELECT o.id, o.name FROM organizations o ORDER BY o.name, o.id;
END
$$;

-- Functions that run as the owner look names up in this schema only, temporary tables last: a
-- session's own temporary table called audit_logs must not stand in for the log.
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION chain_audit_entry() SET search_path = %I, pg_temp', current_schema());
  EXECUTE format('ALTER FUNCTION refuse_audit_erasure() SET search_path = %I, pg_temp', current_schema());
  EXECUTE format('ALTER FUNCTION record_audit_anchors() SET search_path = %I, pg_temp', current_schema());
END
$$;
