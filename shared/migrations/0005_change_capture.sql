-- target: relay
-- Change capture for shape sync, identical on PostgreSQL and PGlite (plain triggers, no
-- logical replication).
--
-- Commit order: a row trigger cannot know when its transaction will commit, so changes are
-- first logged against the transaction id, and the transaction gets its sequence number at
-- commit time from a deferred constraint trigger that takes a transaction-level advisory lock.
-- The lock is held from that moment until the transaction ends, so the transaction holding
-- seq n is visible before any other can take seq n+1: a reader of "seq > last" never skips a
-- change committed later by a slower transaction. Only the commit step is serialized, not the
-- work inside the transactions. Gaps (a transaction that aborts after taking a number) are
-- harmless: readers never wait for a particular number.

CREATE SEQUENCE change_seq;

CREATE TABLE change_transactions (
  xid           xid8 PRIMARY KEY,
  seq           bigint UNIQUE,
  committed_at  timestamptz
);

CREATE TABLE change_log (
  id               bigserial PRIMARY KEY,
  xid              xid8 NOT NULL,
  table_name       text NOT NULL,
  op               char(1) NOT NULL CHECK (op IN ('I', 'U', 'D')),
  organization_id  uuid,
  row_id           uuid NOT NULL,
  -- the new row for inserts and updates, the old row for deletes
  row_data         jsonb NOT NULL,
  -- columns an update changed (replica=default sends the key plus these)
  changed          text[]
);
CREATE INDEX change_log_xid_idx ON change_log (xid, id);

CREATE FUNCTION capture_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  x        xid8 := pg_current_xact_id();
  new_row  jsonb;
  old_row  jsonb;
  changed  text[];
  org_col  text := TG_ARGV[0];
BEGIN
  -- one change_transactions row per transaction; the flag is transaction-local and is
  -- rolled back with a savepoint, exactly like the insert it guards
  IF current_setting('promoteros.change_xid', true) IS DISTINCT FROM x::text THEN
    INSERT INTO change_transactions (xid) VALUES (x) ON CONFLICT DO NOTHING;
    PERFORM set_config('promoteros.change_xid', x::text, true);
  END IF;

  IF TG_OP = 'INSERT' THEN
    new_row := to_jsonb(NEW);
    INSERT INTO change_log (xid, table_name, op, organization_id, row_id, row_data)
    VALUES (x, TG_TABLE_NAME, 'I', (new_row->>org_col)::uuid, NEW.id, new_row);
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    new_row := to_jsonb(NEW);
    old_row := to_jsonb(OLD);
    SELECT array_agg(n.key ORDER BY n.key) INTO changed
      FROM jsonb_each(new_row) n
     WHERE n.value IS DISTINCT FROM old_row->n.key;
    IF changed IS NULL THEN
      RETURN NULL;
    END IF;
    INSERT INTO change_log (xid, table_name, op, organization_id, row_id, row_data, changed)
    VALUES (x, TG_TABLE_NAME, 'U', (new_row->>org_col)::uuid, NEW.id, new_row, changed);
    RETURN NULL;
  ELSE
    old_row := to_jsonb(OLD);
    INSERT INTO change_log (xid, table_name, op, organization_id, row_id, row_data)
    VALUES (x, TG_TABLE_NAME, 'D', (old_row->>org_col)::uuid, OLD.id, old_row);
    RETURN NULL;
  END IF;
END
$$;

CREATE FUNCTION sequence_change_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(72504141);
  s := nextval('change_seq');
  UPDATE change_transactions SET seq = s, committed_at = clock_timestamp() WHERE xid = NEW.xid;
  -- delivered at commit: wakes the long-polls of every relay instance listening
  PERFORM pg_notify('promoteros_changes', s::text);
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER sequence_at_commit
  AFTER INSERT ON change_transactions
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION sequence_change_transaction();

-- organization_id never moves: shapes are filtered by it, so a row changing tenant would
-- leave stale copies behind in the old tenant's replicas.
CREATE FUNCTION keep_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.organization_id IS DISTINCT FROM OLD.organization_id THEN
    RAISE EXCEPTION 'organization_id of % cannot change', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

-- memberships copy the person's name and email so that members see them without the
-- global users table being served
CREATE FUNCTION copy_user_to_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.email IS DISTINCT FROM OLD.email OR NEW.display_name IS DISTINCT FROM OLD.display_name THEN
    UPDATE memberships SET user_email = NEW.email, user_name = NEW.display_name WHERE user_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER users_copy_to_memberships AFTER UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION copy_user_to_memberships();

CREATE FUNCTION fill_membership_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT email, display_name INTO NEW.user_email, NEW.user_name FROM users WHERE id = NEW.user_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER memberships_fill_user BEFORE INSERT ON memberships
  FOR EACH ROW EXECUTE FUNCTION fill_membership_user();

CREATE FUNCTION refuse_audit_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_edit();

-- Install capture, tenant pinning and updated_at on every synced table.
DO $$
DECLARE
  t text;
  org_col text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'organizations', 'venues', 'memberships', 'invitations', 'event_requests', 'decision_logs',
    'events', 'holds', 'deal_terms', 'settlement_lines', 'task_templates', 'event_tasks',
    'guest_lists', 'guest_list_entries', 'check_ins', 'documents', 'audit_logs'
  ] LOOP
    org_col := CASE WHEN t = 'organizations' THEN 'id' ELSE 'organization_id' END;
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION capture_change(%L)',
      t || '_capture', t, org_col);
    IF t <> 'organizations' THEN
      EXECUTE format(
        'CREATE TRIGGER %I BEFORE UPDATE OF organization_id ON %I FOR EACH ROW EXECUTE FUNCTION keep_organization()',
        t || '_keep_organization', t);
    END IF;
    IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = t AND column_name = 'updated_at') THEN
      EXECUTE format(
        'CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION touch_updated_at()',
        t || '_touch_updated_at', t);
    END IF;
  END LOOP;
END
$$;
