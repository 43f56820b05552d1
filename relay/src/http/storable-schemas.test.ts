// The lint for the relay's own request schemas: every field of every body and path schema refuses
// text PostgreSQL cannot store (shared/src/storable-text.ts). The shapes' query strings are read
// by hand and checked against formats (shape-request.ts); the fuzz (fuzz.test.ts) covers them.
import { describe, expect, it } from 'vitest';
import { unguardedTextFields } from '@promoteros/shared/testing/unguarded-text-fields';
import { LinkToken, SignInBody, VerifyBody } from '../auth/body-schemas.js';
import { DocumentParams, EventParams, KindParams } from '../documents/routes.js';
import { JobParams, OrganizationParams } from '../notify/delivery-problem-routes.js';

const schemas = {
  SignInBody,
  VerifyBody,
  LinkToken,
  DocumentParams,
  EventParams,
  KindParams,
  OrganizationParams,
  JobParams,
};

describe('the relay’s request schemas', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`should refuse text that cannot be stored in every field of ${name}`, () => {
      expect(unguardedTextFields(schema)).toEqual([]);
    });
  }

  it('should name the field and the character in the message', () => {
    const result = SignInBody.safeParse({ email: 'a@b.test', deviceName: 'Front\u0000desk' });
    expect(result.error?.issues).toMatchObject([
      { path: ['deviceName'], message: 'contains a character that cannot be stored (NUL)' },
    ]);
  });
});
