-- target: domain
-- Requests for a date, their decision history, ranked holds and the events they become.

CREATE TABLE event_requests (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id      uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  venue_id             uuid NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
  -- what the requester quotes back to us, e.g. "RQ-7KD2-9XQ4"
  reference            text NOT NULL,
  status               text NOT NULL DEFAULT 'NEW'
                       CHECK (status IN ('NEW', 'REVIEW', 'APPROVED', 'DECLINED', 'SCHEDULED', 'WITHDRAWN')),
  contact_name         text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
  contact_email        text NOT NULL CHECK (length(contact_email) <= 320),
  contact_phone        text CHECK (length(contact_phone) <= 50),
  company              text CHECK (length(company) <= 200),
  artist_name          text NOT NULL CHECK (length(artist_name) BETWEEN 1 AND 200),
  event_title          text NOT NULL CHECK (length(event_title) BETWEEN 1 AND 200),
  description          text CHECK (length(description) <= 5000),
  preferred_start      timestamptz NOT NULL,
  preferred_end        timestamptz NOT NULL,
  alternative_start    timestamptz,
  alternative_end      timestamptz,
  expected_attendance  integer NOT NULL CHECK (expected_attendance > 0),
  budget_min_cents     bigint CHECK (budget_min_cents >= 0),
  budget_max_cents     bigint CHECK (budget_max_cents >= 0),
  deal_notes           text CHECK (length(deal_notes) <= 5000),
  tech_needs           text CHECK (length(tech_needs) <= 5000),
  tags                 text[] NOT NULL DEFAULT '{}',
  -- a PROMOTER member sees only the requests and events that carry their id
  promoter_user_id     uuid REFERENCES users(id) ON DELETE SET NULL,
  submitted_at         timestamptz NOT NULL DEFAULT now(),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, reference),
  CHECK (preferred_end > preferred_start),
  CHECK (alternative_start IS NULL OR alternative_end > alternative_start),
  CHECK (budget_min_cents IS NULL OR budget_max_cents IS NULL OR budget_min_cents <= budget_max_cents)
);
CREATE INDEX event_requests_org_status_idx ON event_requests (organization_id, status, submitted_at DESC);
CREATE INDEX event_requests_venue_date_idx ON event_requests (venue_id, preferred_start);
CREATE INDEX event_requests_promoter_idx ON event_requests (promoter_user_id) WHERE promoter_user_id IS NOT NULL;

CREATE TABLE decision_logs (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id  uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  request_id       uuid NOT NULL REFERENCES event_requests(id) ON DELETE CASCADE,
  from_status      text,
  to_status        text NOT NULL,
  note             text CHECK (length(note) <= 5000),
  actor_user_id    uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decision_logs_request_idx ON decision_logs (request_id, created_at);
CREATE INDEX decision_logs_organization_idx ON decision_logs (organization_id);

CREATE TABLE events (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id    uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  venue_id           uuid NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
  request_id         uuid UNIQUE REFERENCES event_requests(id) ON DELETE SET NULL,
  title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  artist_name        text NOT NULL CHECK (length(artist_name) BETWEEN 1 AND 200),
  status             text NOT NULL DEFAULT 'CONFIRMED'
                     CHECK (status IN ('DRAFT', 'CONFIRMED', 'CANCELLED', 'SETTLED')),
  -- the show's calendar date in the venue's timezone (what "the 14th" means at the venue)
  show_date          date NOT NULL,
  doors_at           timestamptz NOT NULL,
  show_at            timestamptz NOT NULL,
  ends_at            timestamptz NOT NULL,
  capacity_override  integer CHECK (capacity_override BETWEEN 1 AND 100000),
  promoter_user_id   uuid REFERENCES users(id) ON DELETE SET NULL,
  notes              text CHECK (length(notes) <= 20000),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (show_at >= doors_at AND ends_at > show_at)
);
CREATE INDEX events_venue_date_idx ON events (venue_id, show_date);
CREATE INDEX events_organization_date_idx ON events (organization_id, show_date);
CREATE INDEX events_promoter_idx ON events (promoter_user_id) WHERE promoter_user_id IS NOT NULL;

CREATE TABLE holds (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id      uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  venue_id             uuid NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
  request_id           uuid NOT NULL REFERENCES event_requests(id) ON DELETE CASCADE,
  -- the held calendar date in the venue's timezone
  hold_date            date NOT NULL,
  rank                 integer NOT NULL CHECK (rank >= 1),
  status               text NOT NULL DEFAULT 'ACTIVE'
                       CHECK (status IN ('ACTIVE', 'RELEASED', 'CONVERTED', 'EXPIRED')),
  expires_at           timestamptz,
  challenged_by_hold_id uuid REFERENCES holds(id) ON DELETE SET NULL,
  challenge_deadline   timestamptz,
  released_at          timestamptz,
  release_reason       text CHECK (length(release_reason) <= 2000),
  event_id             uuid REFERENCES events(id) ON DELETE SET NULL,
  created_by           uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX holds_venue_date_idx ON holds (venue_id, hold_date, rank) WHERE status = 'ACTIVE';
CREATE INDEX holds_request_idx ON holds (request_id);
CREATE INDEX holds_organization_idx ON holds (organization_id);
