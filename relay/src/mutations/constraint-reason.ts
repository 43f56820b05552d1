// PostgreSQL's integrity errors (class 23) in words for the person who made the edit. The plan
// checks the domain rules it knows; the schema's constraints are the last word, and a mutation
// they stop is refused like a rule, naming the constraint so support can find it.
import { rowWord } from './writable-tables.js';

interface PgError {
  readonly code: string;
  readonly constraint_name?: string;
  readonly column_name?: string;
  readonly table_name?: string;
  readonly message: string;
}

export function isPgError(error: unknown): error is PgError {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { name?: string }).name === 'PostgresError'
  );
}

/** An integrity constraint stopped the write: check, not null, foreign key, unique, exclusion. */
export function isIntegrityError(error: unknown): error is PgError {
  return isPgError(error) && error.code.startsWith('23');
}

/** The ledger's primary key: another request recorded this mutation id first. */
export function isLedgerRace(error: unknown): boolean {
  return isPgError(error) && error.code === '23505' && error.constraint_name === 'mutation_ledger_pkey';
}

/**
 * An error the mutation's own content caused, which sending it again cannot cure: a value the
 * column cannot hold (class 22: too long, out of range, text PostgreSQL cannot store), a broken
 * constraint (class 23, the ledger race aside) or a limit of the server (class 54: nested too
 * deep, a row too large to index). Anything else (a lost connection, a lock timeout, a deadlock)
 * is the database's trouble, and the batch is sent again.
 */
export function isMutationFault(error: unknown): error is PgError {
  if (!isPgError(error) || isLedgerRace(error)) return false;
  return ['22', '23', '54'].includes(error.code.slice(0, 2));
}

/** Deadlock or serialization failure: nothing was written, trying again may well succeed. */
export function isRetryable(error: unknown): boolean {
  return isPgError(error) && (error.code === '40P01' || error.code === '40001');
}

export function constraintReason(error: PgError): string {
  const what = error.table_name ? rowWord(error.table_name) : 'the change';
  const name = error.constraint_name ? ` (${error.constraint_name})` : '';
  switch (error.code) {
    case '23502':
      return `${what} needs a value for ${error.column_name ?? 'a required field'}`;
    case '23503':
      return `${what} refers to something that does not exist or is still in use${name}`;
    case '23505':
      return `${what} would duplicate one that already exists${name}`;
    case '23P01':
      return `${what} conflicts with another one${name}`;
    case '23514':
      // raised by a trigger (keep_organization) the constraint has no name; its message is the reason
      return error.constraint_name ? `${what} breaks the rule ${error.constraint_name}` : error.message;
    default:
      return `${what} breaks a rule of the database${name}: ${error.message}`;
  }
}
