// The organization's locale (organizations.locale, docs/formatting.md): how its screens, emails
// and documents write dates, times, numbers and money. An owner's decision, like the other things
// every member and every requester reads in the organization's name: a manager who prefers
// day-first dates would change what everyone else, and every document sent, says.
//
// The mutation names no organization: it changes the one its batch is for, so no argument can
// point it at another.
import { z } from 'zod';
import { supportedLocale } from '../entities/fields.js';
import { localeName } from '../format/locale.js';
import { defineMutation, RuleViolation } from './define.js';

export const organizationSetLocale = defineMutation({
  name: 'organization.setLocale',
  minimumRole: 'OWNER',
  args: z.object({
    /** a BCP 47 tag this runtime formats in ("en-GB"); stored in its canonical spelling */
    locale: supportedLocale,
  }),
  subject: (_args, context) => ({ table: 'organizations', id: context.organizationId }),
  describe: (args) => `Set the organization’s locale to ${localeName(args.locale)}, ${args.locale}`,
  async plan(args, context, read) {
    const organization = await read.get('organizations', context.organizationId);
    if (!organization) throw new RuleViolation('the organization no longer exists');
    // already so: nothing to write (the audit log still records who asked)
    if (organization.locale === args.locale) return [];
    return [{ op: 'update', table: 'organizations', id: context.organizationId, set: { locale: args.locale } }];
  },
});
