-- target: relay
-- Documents follow the rest of what they show (0009 covers the event, deal terms, settlement
-- lines and tasks): the door's check-ins (the settlement sheet's drop count, and the guest lists'
-- kinds it is counted by), the shared notes (the day sheet's run of show and advance notes), and
-- the venue's and organization's names and addresses on every sheet. Same rule as 0009: in the
-- writing transaction, only for documents that already exist, at most one QUEUED render per event
-- and kind, due 3 s later. Check-ins come in bursts on show night (a door device merging 2,000
-- queued admissions after a reconnect): the first statement queues the render, the others find it
-- QUEUED and add nothing, so the sheet is drawn once a few seconds after the burst starts and once
-- more if check-ins land while it is being drawn.

-- Appended by the door devices, never overwritten; deleted only with their entry, list or event.
CREATE TRIGGER check_ins_render_documents_on_insert AFTER INSERT ON check_ins
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('SETTLEMENT');
CREATE TRIGGER check_ins_render_documents_on_update AFTER UPDATE ON check_ins
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('SETTLEMENT');
CREATE TRIGGER check_ins_render_documents_on_delete AFTER DELETE ON check_ins
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('SETTLEMENT');

-- The drop count is summed per kind of guest list: a list moved from COMP to ARTIST moves its people.
CREATE TRIGGER guest_lists_render_documents_on_update AFTER UPDATE ON guest_lists
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('SETTLEMENT');

-- The note rooms rewrite a note's whole state a couple of seconds after edits stop (an upsert:
-- both triggers may fire for one statement, the second finds the first one's render QUEUED).
-- Notes go only with their event, and its documents with it: no delete trigger.
CREATE TRIGGER note_documents_render_documents_on_insert AFTER INSERT ON note_documents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('ADVANCE');
CREATE TRIGGER note_documents_render_documents_on_update AFTER UPDATE ON note_documents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_document_renders('ADVANCE');

-- A venue's name, zone, address or capacity shows on every document of its events. Compared old
-- against new, so an update that changes none of them (intake switched off, a touch of
-- updated_at) queues nothing; and read from documents, so a venue with hundreds of events queues
-- renders only of the documents that exist. (A trigger with a column list may not have
-- transition tables, hence the comparison.)
CREATE FUNCTION enqueue_venue_document_renders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO jobs (organization_id, kind, payload, run_at)
  SELECT DISTINCT d.organization_id, 'document.render',
         jsonb_build_object('eventId', d.event_id, 'kind', d.kind), now() + interval '3 seconds'
    FROM old_venues o
    JOIN new_venues n ON n.id = o.id
    JOIN events e ON e.venue_id = n.id
    JOIN documents d ON d.event_id = e.id
   WHERE (o.name, o.timezone, o.address, o.city, o.country, o.capacity)
         IS DISTINCT FROM (n.name, n.timezone, n.address, n.city, n.country, n.capacity)
     AND NOT EXISTS (SELECT 1 FROM jobs j
                      WHERE j.kind = 'document.render' AND j.status = 'QUEUED'
                        AND j.payload ->> 'eventId' = d.event_id::text AND j.payload ->> 'kind' = d.kind);
  RETURN NULL;
END
$$;

CREATE TRIGGER venues_render_documents_on_update AFTER UPDATE ON venues
  REFERENCING OLD TABLE AS old_venues NEW TABLE AS new_venues FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_venue_document_renders();

-- The organization's name is on every document (the header, the settlement's signature line);
-- its sending address only on the confirmation. Same comparison, same only-existing-documents.
CREATE FUNCTION enqueue_organization_document_renders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO jobs (organization_id, kind, payload, run_at)
  SELECT DISTINCT d.organization_id, 'document.render',
         jsonb_build_object('eventId', d.event_id, 'kind', d.kind), now() + interval '3 seconds'
    FROM old_organizations o
    JOIN new_organizations n ON n.id = o.id
    JOIN documents d ON d.organization_id = n.id
   WHERE (o.name IS DISTINCT FROM n.name
          OR (d.kind = 'CONFIRMATION' AND o.email_from IS DISTINCT FROM n.email_from))
     AND NOT EXISTS (SELECT 1 FROM jobs j
                      WHERE j.kind = 'document.render' AND j.status = 'QUEUED'
                        AND j.payload ->> 'eventId' = d.event_id::text AND j.payload ->> 'kind' = d.kind);
  RETURN NULL;
END
$$;

CREATE TRIGGER organizations_render_documents_on_update AFTER UPDATE ON organizations
  REFERENCING OLD TABLE AS old_organizations NEW TABLE AS new_organizations FOR EACH STATEMENT
  EXECUTE FUNCTION enqueue_organization_document_renders();
