-- target: domain
-- What an event carries: deal terms, settlement lines, tasks, guest lists and check-ins, documents.
-- Money is integer cents; percentages are basis points (10000 = 100 %).

CREATE TABLE deal_terms (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id      uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id             uuid NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,
  deal_type            text NOT NULL CHECK (deal_type IN ('FLAT', 'DOOR_SPLIT', 'VERSUS', 'GUARANTEE_PLUS')),
  currency             text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
  guarantee_cents      bigint NOT NULL DEFAULT 0 CHECK (guarantee_cents >= 0),
  artist_share_bp      integer NOT NULL DEFAULT 0 CHECK (artist_share_bp BETWEEN 0 AND 10000),
  -- door splits and versus deals are taken of gross or of net (gross less expenses)
  split_basis          text NOT NULL DEFAULT 'NET' CHECK (split_basis IN ('GROSS', 'NET')),
  -- guarantee plus: the promoter's profit that sits in the split point, as a share of expenses
  promoter_profit_bp   integer NOT NULL DEFAULT 0 CHECK (promoter_profit_bp BETWEEN 0 AND 10000),
  ticket_price_cents   bigint NOT NULL DEFAULT 0 CHECK (ticket_price_cents >= 0),
  sellable_capacity    integer CHECK (sellable_capacity > 0),
  expenses_budget_cents bigint NOT NULL DEFAULT 0 CHECK (expenses_budget_cents >= 0),
  -- sales-threshold bonuses: [{"atTickets": 1500, "bonusCents": 50000}, ...]
  bonuses              jsonb NOT NULL DEFAULT '[]',
  notes                text CHECK (length(notes) <= 5000),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deal_terms_organization_idx ON deal_terms (organization_id);

CREATE TABLE settlement_lines (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id   uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id          uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  kind              text NOT NULL CHECK (kind IN ('TICKETS', 'COMPS', 'EXPENSE', 'ADJUSTMENT')),
  label             text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  quantity          integer NOT NULL DEFAULT 0 CHECK (quantity >= 0),
  unit_cents        bigint NOT NULL DEFAULT 0,
  budget_cents      bigint NOT NULL DEFAULT 0,
  actual_cents      bigint,
  position          integer NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX settlement_lines_event_idx ON settlement_lines (event_id, position);
CREATE INDEX settlement_lines_organization_idx ON settlement_lines (organization_id);

CREATE TABLE task_templates (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id   uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description       text CHECK (length(description) <= 5000),
  -- the task falls due this many days before the show, in the venue's timezone
  default_due_days  integer NOT NULL DEFAULT 7 CHECK (default_due_days BETWEEN 0 AND 365),
  default_role      text CHECK (default_role IN ('OWNER', 'MANAGER', 'STAFF', 'PROMOTER')),
  position          integer NOT NULL DEFAULT 0,
  active            boolean NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_templates_organization_idx ON task_templates (organization_id, position);

CREATE TABLE event_tasks (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id   uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id          uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  template_id       uuid REFERENCES task_templates(id) ON DELETE SET NULL,
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description       text CHECK (length(description) <= 5000),
  assignee_user_id  uuid REFERENCES users(id) ON DELETE SET NULL,
  due_date          date,
  completed_at      timestamptz,
  completed_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  position          integer NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_tasks_event_idx ON event_tasks (event_id, position);
CREATE INDEX event_tasks_organization_idx ON event_tasks (organization_id);
CREATE INDEX event_tasks_assignee_idx ON event_tasks (assignee_user_id) WHERE completed_at IS NULL;

CREATE TABLE guest_lists (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id   uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id          uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind              text NOT NULL CHECK (kind IN ('ARTIST', 'PROMOTER', 'COMP', 'WILL_CALL', 'MEDIA', 'OTHER')),
  allotment         integer CHECK (allotment >= 0),
  cutoff_at         timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX guest_lists_event_idx ON guest_lists (event_id);
CREATE INDEX guest_lists_organization_idx ON guest_lists (organization_id);

CREATE TABLE guest_list_entries (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id   uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id          uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  guest_list_id     uuid NOT NULL REFERENCES guest_lists(id) ON DELETE CASCADE,
  guest_name        text NOT NULL CHECK (length(guest_name) BETWEEN 1 AND 200),
  -- allotted admissions including the guest: 1 = the guest alone, 3 = guest +2
  admit_count       integer NOT NULL DEFAULT 1 CHECK (admit_count BETWEEN 1 AND 100),
  note              text CHECK (length(note) <= 1000),
  added_by          uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX guest_list_entries_event_idx ON guest_list_entries (event_id, guest_name);
CREATE INDEX guest_list_entries_list_idx ON guest_list_entries (guest_list_id);
CREATE INDEX guest_list_entries_organization_idx ON guest_list_entries (organization_id);

-- Admissions are appended, never counters overwritten, so offline door devices add up.
CREATE TABLE check_ins (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id   uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id          uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  -- NULL for walk-ups (door sales)
  entry_id          uuid REFERENCES guest_list_entries(id) ON DELETE CASCADE,
  kind              text NOT NULL CHECK (kind IN ('ADMIT', 'UNDO', 'WALK_UP')),
  admitted          integer NOT NULL CHECK (admitted <> 0 AND admitted BETWEEN -100 AND 100),
  undoes_id         uuid REFERENCES check_ins(id) ON DELETE SET NULL,
  device_id         text NOT NULL CHECK (length(device_id) <= 100),
  recorded_by       uuid REFERENCES users(id) ON DELETE SET NULL,
  occurred_at       timestamptz NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'WALK_UP') = (entry_id IS NULL)),
  CHECK ((kind = 'UNDO') = (undoes_id IS NOT NULL))
);
CREATE INDEX check_ins_event_idx ON check_ins (event_id, entry_id);
CREATE INDEX check_ins_organization_idx ON check_ins (organization_id);

-- The bytes live in document_blobs (never synced); members fetch them from the relay.
CREATE TABLE documents (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id   uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id          uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  kind              text NOT NULL CHECK (kind IN ('CONFIRMATION', 'ADVANCE', 'SETTLEMENT')),
  version           integer NOT NULL CHECK (version >= 1),
  sha256            text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  byte_size         integer NOT NULL CHECK (byte_size >= 0),
  file_name         text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, kind, version)
);
CREATE INDEX documents_organization_idx ON documents (organization_id);

CREATE TABLE audit_logs (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id   uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  actor_user_id     uuid REFERENCES users(id) ON DELETE SET NULL,
  action            text NOT NULL,
  entity_table      text NOT NULL,
  entity_id         uuid,
  details           jsonb NOT NULL DEFAULT '{}',
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_logs_organization_idx ON audit_logs (organization_id, created_at DESC);
CREATE INDEX audit_logs_entity_idx ON audit_logs (entity_table, entity_id);
