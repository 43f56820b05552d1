// The intake schema of a venue's rules (its clock, capacity, minimum attendance and locale). A zod
// schema is compiled on its first use: one per venue's rules, not one per request.
import { intakeSchemaFor } from '@promoteros/shared/intake';
import type { IntakeVenueRow } from './intake-venue.js';

export type IntakeSchema = ReturnType<typeof intakeSchemaFor>;

/** kept at most; past it the cache starts again rather than grow with every venue ever asked for */
const MAX_SCHEMAS = 1000;

export class IntakeSchemas {
  readonly #schemas = new Map<string, IntakeSchema>();

  for(venue: IntakeVenueRow): IntakeSchema {
    const key = `${venue.timezone}|${venue.capacity}|${venue.minAttendance}|${venue.locale}`;
    let schema = this.#schemas.get(key);
    if (!schema) {
      if (this.#schemas.size >= MAX_SCHEMAS) this.#schemas.clear();
      this.#schemas.set(key, (schema = intakeSchemaFor(venue)));
    }
    return schema;
  }
}
