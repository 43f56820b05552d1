// The shapes of the sign-in request bodies. Messages complete the field name ("email is
// required", "code must be the six digits from the email").
import { z } from 'zod';
import { storableText } from '@promoteros/shared';
import { Platform } from '../devices/platform.js';

const text = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what}`) }).check(storableText());

export const Email = text('an email address')
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an email address' }));

export const SignInCode = text('the six digits from the email, as a string')
  .max(32, 'must be the six digits from the email')
  // people paste "123 456" or "123-456"
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'must be the six digits from the email'));

export const LinkToken = text('the token from the sign-in link')
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,200}$/, 'must be the token from the sign-in link');

export const DeviceName = text('a device name')
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** the sign-in's id from the answer to the request: the tries of a code count against it alone */
export const SignInId = text('the signInId from the answer to the sign-in request').pipe(
  z.uuid({ error: 'must be the signInId from the answer to the sign-in request' }),
);

/** a body that proves an address either by the link's token or by the email and its code */
export function requireCodeOrLink(body: { token?: string; email?: string; code?: string }, ctx: z.RefinementCtx): void {
  if (body.token !== undefined) return;
  if (body.email === undefined)
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'is required (or send the link token)' });
  if (body.code === undefined)
    ctx.addIssue({ code: 'custom', path: ['code'], message: 'is required (or send the link token)' });
}

export const SignInBody = z.object({ email: Email, deviceName: DeviceName.optional() });

export const VerifyBody = z
  .object({
    email: Email.optional(),
    code: SignInCode.optional(),
    signInId: SignInId.optional(),
    token: LinkToken.optional(),
    deviceName: DeviceName.optional(),
    platform: Platform.optional(),
  })
  .superRefine(requireCodeOrLink);
