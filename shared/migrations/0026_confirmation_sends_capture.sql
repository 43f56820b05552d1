-- target: relay
-- confirmation_sends (0025) is synced: change capture, its organization pinned and updated_at
-- kept, as 0005 and 0012 do for every synced table.
CREATE TRIGGER confirmation_sends_capture AFTER UPDATE OR DELETE ON confirmation_sends
  FOR EACH ROW EXECUTE FUNCTION capture_change('organization_id');
CREATE TRIGGER confirmation_sends_capture_inserts AFTER INSERT ON confirmation_sends
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION capture_inserts('organization_id');
CREATE TRIGGER confirmation_sends_keep_organization BEFORE UPDATE OF organization_id ON confirmation_sends
  FOR EACH ROW EXECUTE FUNCTION keep_organization();
CREATE TRIGGER confirmation_sends_touch_updated_at BEFORE UPDATE ON confirmation_sends
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- The email ledger's outcome of an event.confirmed job (relay/src/notify/email-deliveries.ts)
-- becomes its send's status, whichever code path wrote it (the batched SENT records, a failure):
-- a trigger keeps the ledger's writers ignorant of confirmations. The job names its send in its
-- payload (sendId); jobs queued before 0025 name none and change nothing. Runs in the ledger
-- write's transaction, under the job's organization (row-level security applies).
CREATE FUNCTION confirmation_send_delivered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE confirmation_sends c
     SET status = CASE
                    WHEN NEW.status = 'FAILED' THEN 'FAILED'
                    WHEN NEW.last_error IS NULL THEN 'SENT'
                    ELSE 'PARTLY_SENT'
                  END,
         recipients = NEW.recipients,
         sent_at = NEW.sent_at,
         delivery_note = NEW.last_error
    FROM jobs j
   WHERE j.id = NEW.job_id
     AND j.payload ? 'sendId'
     AND c.id = (j.payload ->> 'sendId')::uuid
     -- a SENT send stays SENT: a late failure record cannot undo a delivery
     AND c.status NOT IN ('SENT', 'PARTLY_SENT');
  RETURN NULL;
END
$$;
CREATE TRIGGER email_deliveries_confirmation_send AFTER INSERT OR UPDATE ON email_deliveries
  FOR EACH ROW WHEN (NEW.kind = 'event.confirmed')
  EXECUTE FUNCTION confirmation_send_delivered();
