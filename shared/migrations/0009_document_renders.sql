-- target: relay
-- Documents follow their data (relay/src/documents): when a write touches an event, its deal
-- terms, settlement lines or tasks, a `document.render` job is queued in the same transaction for
-- each document the event already has that shows what changed. A trigger and not the mutation
-- code, so every writer is covered (mutations, the hold sweep, a script) and no change can commit
-- without its re-render. One QUEUED job per event and kind at a time: a burst of edits (a
-- settlement typed in line by line) is drawn once, a few seconds after it starts; a render
-- already RUNNING may have read the old data, so a new one is queued behind it. Documents not
-- made yet are drawn on demand (ensureDocument), e.g. the confirmation by the event.confirmed email.

CREATE INDEX jobs_queued_document_render_idx ON jobs ((payload ->> 'eventId'), (payload ->> 'kind'))
  WHERE kind = 'document.render' AND status = 'QUEUED';

-- TG_ARGV: the document kinds the table's rows show up in. Reads the transition table `changed`.
CREATE FUNCTION enqueue_document_renders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'events' THEN
    INSERT INTO jobs (organization_id, kind, payload, run_at)
    SELECT DISTINCT d.organization_id, 'document.render',
           jsonb_build_object('eventId', d.event_id, 'kind', d.kind), now() + interval '3 seconds'
      FROM documents d
     WHERE d.event_id IN (SELECT id FROM changed)
       AND d.kind = ANY (TG_ARGV)
       AND NOT EXISTS (SELECT 1 FROM jobs j
                        WHERE j.kind = 'document.render' AND j.status = 'QUEUED'
                          AND j.payload ->> 'eventId' = d.event_id::text AND j.payload ->> 'kind' = d.kind);
  ELSE
    INSERT INTO jobs (organization_id, kind, payload, run_at)
    SELECT DISTINCT d.organization_id, 'document.render',
           jsonb_build_object('eventId', d.event_id, 'kind', d.kind), now() + interval '3 seconds'
      FROM documents d
     WHERE d.event_id IN (SELECT event_id FROM changed)
       AND d.kind = ANY (TG_ARGV)
       AND NOT EXISTS (SELECT 1 FROM jobs j
                        WHERE j.kind = 'document.render' AND j.status = 'QUEUED'
                          AND j.payload ->> 'eventId' = d.event_id::text AND j.payload ->> 'kind' = d.kind);
  END IF;
  RETURN NULL;
END
$$;

-- An event's own columns (title, times, status, notes) show on every document. A deleted event
-- takes its documents with it: nothing to draw.
CREATE TRIGGER events_render_documents_on_update AFTER UPDATE ON events
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('CONFIRMATION', 'ADVANCE', 'SETTLEMENT');

-- (a transition table serves one event per trigger, hence three triggers per table)
CREATE TRIGGER deal_terms_render_documents_on_insert AFTER INSERT ON deal_terms
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('CONFIRMATION', 'SETTLEMENT');
CREATE TRIGGER deal_terms_render_documents_on_update AFTER UPDATE ON deal_terms
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('CONFIRMATION', 'SETTLEMENT');
CREATE TRIGGER deal_terms_render_documents_on_delete AFTER DELETE ON deal_terms
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('CONFIRMATION', 'SETTLEMENT');

CREATE TRIGGER settlement_lines_render_documents_on_insert AFTER INSERT ON settlement_lines
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('SETTLEMENT');
CREATE TRIGGER settlement_lines_render_documents_on_update AFTER UPDATE ON settlement_lines
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('SETTLEMENT');
CREATE TRIGGER settlement_lines_render_documents_on_delete AFTER DELETE ON settlement_lines
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('SETTLEMENT');

CREATE TRIGGER event_tasks_render_documents_on_insert AFTER INSERT ON event_tasks
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('ADVANCE');
CREATE TRIGGER event_tasks_render_documents_on_update AFTER UPDATE ON event_tasks
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('ADVANCE');
CREATE TRIGGER event_tasks_render_documents_on_delete AFTER DELETE ON event_tasks
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('ADVANCE');
