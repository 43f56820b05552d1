-- target: domain
-- The organization's locale: how its app, emails and documents write dates, times, numbers and
-- money (shared/src/format, docs/formatting.md). A BCP 47 tag; the relay and the app format with
-- the default when the runtime cannot use the stored one, so the check only keeps out what is
-- not a tag at all.
ALTER TABLE organizations
  ADD COLUMN locale text NOT NULL DEFAULT 'en-US'
    CHECK (length(locale) <= 35 AND locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');

-- Until now each document wrote with English conventions of its venue's country ("en-GB" for a
-- London venue): an organization whose venues are mostly in one country keeps those.
UPDATE organizations o
   SET locale = 'en-' || v.country
  FROM (SELECT organization_id, mode() WITHIN GROUP (ORDER BY country) AS country
          FROM venues WHERE country IS NOT NULL GROUP BY organization_id) v
 WHERE v.organization_id = o.id;
