-- target: relay
-- Inserts into synced tables are captured once per statement instead of once per row: one
-- trigger call copies every inserted row of the statement to the change log (a transition table),
-- where the row trigger of 0005 ran a PL/pgSQL call and an INSERT for each row. A public request
-- files three synced rows and a round of requests files them for everyone in it (relay/src/intake):
-- the row triggers were a fifth of that statement's time (EXPLAIN ANALYZE, a round of 8), and
-- PostgreSQL spends 6% less CPU per request with this one. Updates (which log the columns they
-- changed, row by row) and deletes keep the row trigger of 0005.
--
-- Same log as before: one change_transactions row per transaction (sequenced at commit by 0005's
-- deferred trigger), the rows in the order the statement inserted them, before anything a later
-- statement of the transaction logs. A statement that inserts nothing logs nothing.

CREATE FUNCTION capture_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  x        xid8 := pg_current_xact_id();
  org_col  text := TG_ARGV[0];
  logged   bigint;
BEGIN
  INSERT INTO change_log (xid, table_name, op, organization_id, row_id, row_data)
  SELECT x, TG_TABLE_NAME, 'I', (r.row_data->>org_col)::uuid, r.id, r.row_data
    FROM (SELECT n.id, to_jsonb(n) AS row_data FROM inserted n) r;
  GET DIAGNOSTICS logged = ROW_COUNT;
  -- as capture_change: one change_transactions row per transaction that logged anything, the
  -- flag rolled back with a savepoint exactly like the insert it guards
  IF logged > 0 AND current_setting('promoteros.change_xid', true) IS DISTINCT FROM x::text THEN
    INSERT INTO change_transactions (xid) VALUES (x) ON CONFLICT DO NOTHING;
    PERFORM set_config('promoteros.change_xid', x::text, true);
  END IF;
  RETURN NULL;
END
$$;

-- every table 0005 (or a later migration) gave capture_change: its row trigger now covers
-- updates and deletes, and a statement trigger takes the inserts
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT c.relname AS table_name, tg.tgname AS trigger_name,
           convert_from(substring(tg.tgargs FROM 1 FOR position('\x00'::bytea IN tg.tgargs) - 1), 'UTF8') AS org_col
      FROM pg_trigger tg
      JOIN pg_class c ON c.oid = tg.tgrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE tg.tgfoid = 'capture_change'::regproc AND NOT tg.tgisinternal AND n.nspname = current_schema()
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', r.trigger_name, r.table_name);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION capture_change(%L)',
      r.trigger_name, r.table_name, r.org_col);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS inserted '
      'FOR EACH STATEMENT EXECUTE FUNCTION capture_inserts(%L)',
      r.table_name || '_capture_inserts', r.table_name, r.org_col);
  END LOOP;
END
$$;
