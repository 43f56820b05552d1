-- target: domain
-- What a venue group needs to run PromoterOS on its own (docs/organizations.md): the currency it
-- settles in, a venue's own sender name for its emails, and archived venues. An archived venue
-- keeps its events and history (nothing refers to a venue that is gone) but takes no more
-- requests and leaves the pickers.
ALTER TABLE organizations
  ADD COLUMN currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$');

ALTER TABLE venues
  ADD COLUMN sender_name text CHECK (sender_name IS NULL OR length(sender_name) BETWEEN 1 AND 200),
  ADD COLUMN archived_at timestamptz;
