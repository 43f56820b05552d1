-- target: relay
-- The emails a mail server took for some recipients and refused for others (SENT, with the
-- refused addresses in last_error), found per organization for its OWNERs' delivery problems
-- without reading every email it ever sent (relay/src/notify/delivery-problems.ts).
CREATE INDEX email_deliveries_partly_sent_idx ON email_deliveries (organization_id, sent_at DESC)
  WHERE status = 'SENT' AND last_error IS NOT NULL;
