import { describe, expect, it } from 'vitest';
import { MemoryRows } from './testing/memory-reader.js';
import { organizationSetLocale } from './organization-locale.js';
import { contextAs } from './testing/fixtures.js';

const owner = contextAs('OWNER');
const organization = (locale: string) => ({ id: owner.organizationId, slug: 'harbour', name: 'Harbour', locale });

describe('organization.setLocale', () => {
  const plan = (locale: unknown, memory: MemoryRows) =>
    organizationSetLocale.plan(organizationSetLocale.args.parse({ locale }), owner, memory);

  it("should change the locale of the caller's organization, in the tag's canonical spelling", async () => {
    const memory = new MemoryRows({ organizations: [organization('en-US')] });
    expect(await plan('en-gb', memory)).toEqual([
      { op: 'update', table: 'organizations', id: owner.organizationId, set: { locale: 'en-GB' } },
    ]);
    expect(organizationSetLocale.subject({ locale: 'en-GB' }, owner)).toEqual({
      table: 'organizations',
      id: owner.organizationId,
    });
  });

  it('should write nothing when the organization already uses it', async () => {
    expect(await plan('de-DE', new MemoryRows({ organizations: [organization('de-DE')] }))).toEqual([]);
  });

  it('should refuse what is no locale, or one the runtime cannot write in, naming the field', () => {
    for (const bad of ['english', 'EN-us', 'xx-YY', 'en_GB', '', 'en-GB\u0000', 'a'.repeat(40), 42, null]) {
      const parsed = organizationSetLocale.args.safeParse({ locale: bad });
      expect(parsed.success, String(bad)).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual(['locale']);
    }
  });

  it('should be for owners only, and say what it does in words', () => {
    expect(organizationSetLocale.minimumRole).toBe('OWNER');
    expect(organizationSetLocale.describe({ locale: 'en-GB' })).toBe(
      'Set the organization’s locale to British English, en-GB',
    );
  });
});
