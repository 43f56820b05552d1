-- target: relay
-- Tables only the relay reads: sign-in, sessions, the mutation ledger, jobs, document bytes.
-- None of them is ever served as a shape.

CREATE TABLE sign_in_tokens (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email            text NOT NULL,
  user_id          uuid REFERENCES users(id) ON DELETE CASCADE,
  -- HMAC-SHA256 of the six-digit code and of the link token, keyed by the relay's secret
  code_hash        text NOT NULL,
  link_token_hash  text NOT NULL UNIQUE,
  failed_attempts  integer NOT NULL DEFAULT 0,
  expires_at       timestamptz NOT NULL,
  consumed_at      timestamptz,
  request_ip       text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_tokens_email_idx ON sign_in_tokens (email, created_at DESC);

CREATE TABLE sessions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id          uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- SHA-256 of the opaque bearer token; the token itself is never stored
  token_hash       text NOT NULL UNIQUE,
  device_name      text NOT NULL DEFAULT 'unknown device' CHECK (length(device_name) <= 200),
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_seen_at     timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  revoked_at       timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE mutation_ledger (
  -- the client-generated mutation id: a replay finds its first outcome here
  id               uuid PRIMARY KEY,
  organization_id  uuid REFERENCES organizations(id) ON DELETE CASCADE,
  user_id          uuid REFERENCES users(id) ON DELETE SET NULL,
  session_id       uuid REFERENCES sessions(id) ON DELETE SET NULL,
  name             text NOT NULL,
  args             jsonb NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('APPLIED', 'REFUSED')),
  result           jsonb NOT NULL DEFAULT '{}',
  txid             bigint,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mutation_ledger_session_idx ON mutation_ledger (session_id, created_at);

CREATE TABLE jobs (
  id               bigserial PRIMARY KEY,
  organization_id  uuid REFERENCES organizations(id) ON DELETE CASCADE,
  kind             text NOT NULL,
  payload          jsonb NOT NULL DEFAULT '{}',
  status           text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'DEAD')),
  attempts         integer NOT NULL DEFAULT 0,
  max_attempts     integer NOT NULL DEFAULT 10,
  run_at           timestamptz NOT NULL DEFAULT now(),
  locked_at        timestamptz,
  locked_by        text,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_runnable_idx ON jobs (run_at, id) WHERE status = 'QUEUED';

CREATE TABLE document_blobs (
  document_id      uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  bytes            bytea NOT NULL
);

-- Bumping a table's epoch rotates every shape of it: clients get 409 must-refetch.
CREATE TABLE shape_epochs (
  table_name       text PRIMARY KEY,
  epoch            integer NOT NULL DEFAULT 1,
  rotated_at       timestamptz NOT NULL DEFAULT now()
);
