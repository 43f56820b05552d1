-- target: relay
-- Every document is written in the organization's locale (0023): a change of locale redraws the
-- documents that exist, as a change of the organization's name does (0013).
CREATE OR REPLACE FUNCTION enqueue_organization_document_renders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO jobs (organization_id, kind, payload, run_at)
  SELECT DISTINCT d.organization_id, 'document.render',
         jsonb_build_object('eventId', d.event_id, 'kind', d.kind), now() + interval '3 seconds'
    FROM old_organizations o
    JOIN new_organizations n ON n.id = o.id
    JOIN documents d ON d.organization_id = n.id
   WHERE (o.name IS DISTINCT FROM n.name
          OR o.locale IS DISTINCT FROM n.locale
          OR (d.kind = 'CONFIRMATION' AND o.email_from IS DISTINCT FROM n.email_from))
     AND NOT EXISTS (SELECT 1 FROM jobs j
                      WHERE j.kind = 'document.render' AND j.status = 'QUEUED'
                        AND j.payload ->> 'eventId' = d.event_id::text AND j.payload ->> 'kind' = d.kind);
  RETURN NULL;
END
$$;
