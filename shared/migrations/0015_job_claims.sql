-- target: relay
-- How many times a worker has taken each job, never given back (attempts is: a job returned at
-- shutdown gets its attempt back, and an OWNER's retry of a DEAD job starts its attempts again).
-- A handler whose effect must not repeat (an email) looks in its own ledger only when the job
-- was taken before: on a first claim nothing can have been done yet, and the job loop saves a
-- statement per job (relay/src/notify/deliver-email.ts).
ALTER TABLE jobs ADD COLUMN claims integer NOT NULL DEFAULT 0;
