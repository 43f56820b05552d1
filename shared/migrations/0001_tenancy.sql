-- target: domain
-- Organizations (the tenant), their venues, people and memberships.
-- Every tenant row carries organization_id so the relay can filter shapes by membership
-- and row-level security can be added behind it.

CREATE TABLE organizations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$'),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email_from    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE venues (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  slug            text NOT NULL CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$'),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- IANA zone name; every date shown or computed for the venue is in this zone.
  timezone        text NOT NULL CHECK (timezone ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$'),
  capacity        integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
  -- smallest audience the venue will book (intake page rule: attendance within range)
  min_attendance  integer NOT NULL DEFAULT 0 CHECK (min_attendance >= 0),
  address         text,
  city            text,
  country         text CHECK (country IS NULL OR country ~ '^[A-Z]{2}$'),
  intake_enabled  boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, slug),
  CHECK (min_attendance <= capacity)
);
CREATE INDEX venues_organization_idx ON venues (organization_id);

-- People are global (one person may work for several organizations); their names reach
-- members through memberships, which copy name and email so every synced row is a tenant row.
CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL UNIQUE CHECK (email = lower(email) AND email ~ '^[^@\s]+@[^@\s]+$'),
  display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  phone         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role            text NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'STAFF', 'PROMOTER')),
  user_email      text NOT NULL,
  user_name       text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE invitations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  email           text NOT NULL CHECK (email = lower(email)),
  role            text NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'STAFF', 'PROMOTER')),
  -- never synced: the relay strips it from every shape
  token_hash      text NOT NULL UNIQUE,
  invited_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  expires_at      timestamptz NOT NULL,
  accepted_at     timestamptz,
  revoked_at      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_organization_idx ON invitations (organization_id);
CREATE UNIQUE INDEX invitations_open_email_idx ON invitations (organization_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;
