-- target: relay
-- The public request page writes its numbers ("Between 50 and 2,500 people") in the venue's
-- organization's locale (0023): intake_venue (0018) returns it with the rest of what the page
-- needs. A function's result columns cannot be changed in place, so it is made again; the
-- privileges step that follows every migration run gives it back to promoteros_definer, pins
-- its search_path and grants it to the relay's role alone (relay/src/db/privileges.ts).
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
     WHERE o.slug = organization_slug AND v.slug = venue_slug AND v.intake_enabled;
END
$$;
