// The pieces several areas' schemas are made of: ids, calendar days, a venue.
import { z } from 'zod';

export const VenueSummary = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  timezone: z.string(),
  capacity: z.number().int(),
});

export const Id = z.string().uuid();

export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
