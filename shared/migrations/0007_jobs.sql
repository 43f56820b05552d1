-- target: relay
-- The job loop (relay/src/jobs): wake idle workers of every relay instance when a job is queued,
-- and find RUNNING jobs whose worker died (lease past) without a scan of finished ones.

-- Once per inserting statement, delivered at commit: a job enqueued in a transaction that
-- rolls back wakes nobody. The embedded database has no cross-connection NOTIFY; its workers poll.
CREATE FUNCTION jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('promoteros_jobs', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER jobs_notify_on_insert AFTER INSERT ON jobs FOR EACH STATEMENT EXECUTE FUNCTION jobs_notify();

CREATE INDEX jobs_running_lease_idx ON jobs (locked_at) WHERE status = 'RUNNING';
