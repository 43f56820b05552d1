// What it takes to start an organization: its name, its address on the intake pages (slug), the
// currency it settles in, its locale, and its first venue. The one schema the route
// (POST /v1/organizations) and the operator's command (org:create) both check.
import { z } from 'zod';
import { columns } from '@promoteros/shared';

const { countryCode, currencyCode, int, slug, supportedLocale, text, timeZone } = columns;

export const NewVenue = z
  .object({
    name: text({ min: 1, max: 200 }),
    slug,
    timezone: timeZone,
    capacity: int({ min: 1, max: 100000 }),
    minAttendance: int({ min: 0, max: 100000 }).default(0),
    address: text({ min: 1, max: 500 }).optional(),
    city: text({ min: 1, max: 500 }).optional(),
    country: countryCode.optional(),
  })
  .refine((v) => v.minAttendance <= v.capacity, {
    message: 'must not be more than the capacity',
    path: ['minAttendance'],
  });

export const NewOrganization = z.object({
  name: text({ min: 1, max: 200 }),
  slug,
  currency: currencyCode.default('USD'),
  locale: supportedLocale.default('en-US'),
  venue: NewVenue,
});
export type NewOrganization = z.output<typeof NewOrganization>;
