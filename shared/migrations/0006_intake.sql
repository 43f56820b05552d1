-- target: relay
-- The public intake page: each form token that filed a request, so that the same form sent
-- twice (a double click, a reload after posting, a retried fetch) files one request.
-- Relay-private: never served as a shape.

CREATE TABLE intake_submissions (
  -- SHA-256 of the signed form token; the token itself is never stored
  token_hash       text PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  request_id       uuid NOT NULL REFERENCES event_requests(id) ON DELETE CASCADE,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intake_submissions_request_idx ON intake_submissions (request_id);
