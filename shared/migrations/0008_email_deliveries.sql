-- target: relay
-- What the job loop's emails did (relay/src/notify): one row per email job, keyed by the job, so a
-- job that runs again (a retry, a lease retake after a relay died) finds its message already
-- accepted by the SMTP server and does not send it twice; and so OWNERs can see which emails failed
-- and why. The Message-ID is derived from the job, the same on every attempt.
CREATE TABLE email_deliveries (
  job_id           bigint PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
  organization_id  uuid REFERENCES organizations(id) ON DELETE CASCADE,
  kind             text NOT NULL,
  message_id       text NOT NULL UNIQUE,
  recipients       text[] NOT NULL,
  subject          text NOT NULL,
  -- SENT: the SMTP server accepted it (written right after its 250); FAILED: the last try failed
  status           text NOT NULL CHECK (status IN ('SENT', 'FAILED')),
  tries            integer NOT NULL DEFAULT 1,
  sent_at          timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_deliveries_failed_idx ON email_deliveries (organization_id, updated_at DESC) WHERE status = 'FAILED';
-- the owners' list of delivery problems reads an organization's DEAD jobs
CREATE INDEX jobs_dead_idx ON jobs (organization_id, updated_at DESC) WHERE status = 'DEAD';
