-- target: relay
-- The sheets name the organization's people: the confirmation and the day sheet list its OWNERs
-- and MANAGERs as the venue's contacts (name, email, phone), and the promoter of the show by
-- their membership. When someone joins, leaves, changes role, or changes their name, email or
-- phone, the documents of the organization's coming shows are drawn again. Past, settled and
-- cancelled shows keep their sheets as they were: a manager who leaves next year does not
-- rewrite last year's paperwork. Same rules as 0009/0013 otherwise: only documents that exist,
-- at most one QUEUED render per event and kind, due 3 s later.

CREATE FUNCTION enqueue_member_document_renders(organization_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO jobs (organization_id, kind, payload, run_at)
  SELECT DISTINCT d.organization_id, 'document.render',
         jsonb_build_object('eventId', d.event_id, 'kind', d.kind), now() + interval '3 seconds'
    FROM events e
    JOIN documents d ON d.event_id = e.id
   WHERE e.organization_id = ANY (organization_ids)
     AND e.status IN ('DRAFT', 'CONFIRMED')
     AND e.show_date >= current_date - 1
     AND NOT EXISTS (SELECT 1 FROM jobs j
                      WHERE j.kind = 'document.render' AND j.status = 'QUEUED'
                        AND j.payload ->> 'eventId' = d.event_id::text AND j.payload ->> 'kind' = d.kind);
$$;

-- Staff are on no sheet: their comings and goings draw nothing.
CREATE FUNCTION members_joined_or_left() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM enqueue_member_document_renders(ARRAY(
    SELECT DISTINCT organization_id FROM changed WHERE role IN ('OWNER', 'MANAGER', 'PROMOTER')));
  RETURN NULL;
END
$$;

CREATE TRIGGER memberships_render_documents_on_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION members_joined_or_left();
CREATE TRIGGER memberships_render_documents_on_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION members_joined_or_left();

-- A role, or the name and email copied from users (0005), that changed for someone on a sheet
-- before or after.
CREATE FUNCTION members_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM enqueue_member_document_renders(ARRAY(
    SELECT DISTINCT n.organization_id
      FROM old_memberships o JOIN new_memberships n ON n.id = o.id
     WHERE (o.role, o.user_name, o.user_email) IS DISTINCT FROM (n.role, n.user_name, n.user_email)
       AND (o.role IN ('OWNER', 'MANAGER', 'PROMOTER') OR n.role IN ('OWNER', 'MANAGER', 'PROMOTER'))));
  RETURN NULL;
END
$$;

CREATE TRIGGER memberships_render_documents_on_update AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_memberships NEW TABLE AS new_memberships FOR EACH STATEMENT
  EXECUTE FUNCTION members_changed();

-- The phone is read from users itself (memberships carry no copy of it).
CREATE FUNCTION member_phones_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM enqueue_member_document_renders(ARRAY(
    SELECT DISTINCT m.organization_id
      FROM old_users o JOIN new_users n ON n.id = o.id
      JOIN memberships m ON m.user_id = n.id AND m.role IN ('OWNER', 'MANAGER', 'PROMOTER')
     WHERE o.phone IS DISTINCT FROM n.phone));
  RETURN NULL;
END
$$;

CREATE TRIGGER users_render_documents_on_update AFTER UPDATE ON users
  REFERENCING OLD TABLE AS old_users NEW TABLE AS new_users FOR EACH STATEMENT
  EXECUTE FUNCTION member_phones_changed();
