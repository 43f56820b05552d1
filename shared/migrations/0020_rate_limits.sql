-- target: relay
-- Rate limits (sign-in, verify, the intake form, intake confirmation emails) counted in the
-- database, so that they hold across relay restarts and are shared by every relay. One row per
-- counted key ("<limit>:<client address or email>"): the requests counted in its window, and
-- when the window ends (epoch milliseconds, the database's clock). The relay never creates it at
-- run time (its role has no DDL); rows of long-ended windows are swept by the relay
-- (relay/src/http/rate-limits.ts).
--
-- UNLOGGED: every counted request writes to it, and a logged write would make each one wait for
-- a WAL flush (the intake form's commits are what it runs out of first). The cost: a crash of
-- PostgreSQL (not a clean restart) or a failover to a standby empties the table, so the counts
-- start again from zero then, which a limit measured in minutes can afford.
CREATE UNLOGGED TABLE rate_limits (
  -- the limit's name and an email address of up to 254 characters
  key    text PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint NOT NULL
);
CREATE INDEX rate_limits_expire_idx ON rate_limits (expire);
