-- target: domain
-- Each time an event's confirmation is emailed (relay/src/notify/event-letters.ts): the first one
-- when the request becomes an event, a revised one when a manager sends it again after the deal
-- terms were set or changed. Synced to the venue's staff, so the event shows who received which
-- version, and the app can see that the deal changed since the last one went out.
--
-- A row is made QUEUED by the mutation that asks for the email (request.convertToEvent,
-- event.sendConfirmation); the email job fills in what the letter held when it was written
-- (recipients, the PDF's version, the deal terms' updated_at as the PDF showed them), and the
-- email ledger's outcome lands in status (migration 0026).
CREATE TABLE confirmation_sends (
  id                     uuid PRIMARY KEY,
  organization_id        uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id               uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  -- false: the confirmation sent when the event was made; true: a revised one a manager sent
  revised                boolean NOT NULL DEFAULT false,
  -- QUEUED: not sent yet; SENT; PARTLY_SENT: the mail server refused some recipients;
  -- FAILED: the last try failed (retried unless the failure was permanent); NOT_SENT: nothing to
  -- send when the job ran (the event was cancelled or deleted meanwhile)
  status                 text NOT NULL DEFAULT 'QUEUED'
                           CHECK (status IN ('QUEUED', 'SENT', 'PARTLY_SENT', 'FAILED', 'NOT_SENT')),
  requested_by           uuid REFERENCES users(id) ON DELETE SET NULL,
  recipients             text[] NOT NULL DEFAULT '{}',
  -- the confirmation PDF attached (null: sent without one)
  document_id            uuid REFERENCES documents(id) ON DELETE SET NULL,
  document_version       integer CHECK (document_version >= 1),
  -- whether the letter and its PDF carried deal terms, and the terms' updated_at they showed
  with_deal_terms        boolean,
  deal_terms_updated_at  timestamptz,
  -- when the letter was written (its content fixed); null while QUEUED and never tried
  written_at             timestamptz,
  sent_at                timestamptz,
  -- the mail server's refusal or error, in its words
  delivery_note          text,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX confirmation_sends_event_idx ON confirmation_sends (event_id, created_at);
CREATE INDEX confirmation_sends_organization_idx ON confirmation_sends (organization_id);
