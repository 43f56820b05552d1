-- target: relay
-- The relay's side of a venue group adopting PromoterOS on its own (docs/organizations.md).

-- An invitation is inserted by the invitation.create mutation, whose plan runs on the device too
-- and cannot make secrets; the email job makes the link token and the code and stores their
-- hashes. Until then the link hash is a value no token hashes to.
ALTER TABLE invitations ALTER COLUMN token_hash SET DEFAULT ('unsent:' || gen_random_uuid());
ALTER TABLE invitations ADD COLUMN code_hash text UNIQUE;

-- What kind of device a session is on ("macOS", "Windows", "Linux"), for the devices list.
ALTER TABLE sessions ADD COLUMN platform text CHECK (platform IS NULL OR length(platform) <= 50);

-- Slugs a venue had before: a published intake link keeps working after a rename (it redirects).
-- Kept by the database whatever renames the venue, newest owner of an old slug wins.
CREATE TABLE venue_slugs (
  organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  slug            text NOT NULL,
  venue_id        uuid NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
  replaced_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, slug)
);
CREATE INDEX venue_slugs_venue_idx ON venue_slugs (venue_id);

CREATE FUNCTION remember_venue_slug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO venue_slugs (organization_id, slug, venue_id)
  VALUES (OLD.organization_id, OLD.slug, OLD.id)
  ON CONFLICT (organization_id, slug) DO UPDATE SET venue_id = EXCLUDED.venue_id, replaced_at = now();
  RETURN NULL;
END
$$;
CREATE TRIGGER venues_remember_slug AFTER UPDATE OF slug ON venues
  FOR EACH ROW WHEN (OLD.slug IS DISTINCT FROM NEW.slug) EXECUTE FUNCTION remember_venue_slug();

-- The public intake page: an archived venue takes no requests.
DROP FUNCTION intake_venue(text, text);
CREATE FUNCTION intake_venue(organization_slug text, venue_slug text)
  RETURNS TABLE (id uuid, organization_id uuid, organization_name text, organization_locale text, name text,
                 timezone text, capacity integer, min_attendance integer)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT v.id, v.organization_id, o.name, o.locale, v.name, v.timezone, v.capacity, v.min_attendance
      FROM organizations o JOIN venues v ON v.organization_id = o.id
     WHERE o.slug = organization_slug AND v.slug = venue_slug AND v.intake_enabled AND v.archived_at IS NULL;
END
$$;

-- Where an old intake link goes now: the venue's current slug, when the slug is one it had.
CREATE FUNCTION renamed_venue_slug(organization_slug text, old_slug text)
  RETURNS TABLE (slug text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT v.slug
      FROM organizations o
      JOIN venue_slugs s ON s.organization_id = o.id AND s.slug = old_slug
      JOIN venues v ON v.id = s.venue_id
     WHERE o.slug = organization_slug AND v.slug <> old_slug;
END
$$;

-- Whether an organization slug is free, before the person creating one has any organization.
CREATE FUNCTION organization_slug_taken(wanted text)
  RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM organizations WHERE slug = wanted);
END
$$;

-- An invitation by the hash of its link token or of its code, before anyone knows its
-- organization: the one read the accept route makes across organizations.
CREATE FUNCTION invitation_by_secret(link_hash text, secret_code_hash text)
  RETURNS TABLE (id uuid, organization_id uuid, email text, role text, expires_at timestamptz,
                 accepted_at timestamptz, revoked_at timestamptz)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT i.id, i.organization_id, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at
      FROM invitations i
     WHERE i.token_hash = link_hash OR i.code_hash = secret_code_hash;
END
$$;
