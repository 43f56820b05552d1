// The sign-in email: the six-digit code in the subject (so it can be read from a lock screen)
// and the body, and a link that signs in with one click. Plain text and HTML parts.
import type { OutgoingMail } from './mailer.js';

export interface SignInMailFields {
  readonly to: string;
  readonly code: string;
  readonly link: string;
  readonly validMinutes: number;
  readonly deviceName?: string;
}

export function signInMail({ to, code, link, validMinutes, deviceName }: SignInMailFields): OutgoingMail {
  const device = deviceName ? ` on ${deviceName}` : '';
  const text = [
    `Your PromoterOS sign-in code${device} is:`,
    '',
    `    ${code}`,
    '',
    `Or open this link to sign in: ${link}`,
    '',
    `The code and the link work once, for ${validMinutes} minutes.`,
    'If you did not ask to sign in, ignore this email: nobody can sign in without the code.',
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; line-height: 1.5">
<p>Your PromoterOS sign-in code${escapeHtml(device)} is:</p>
<p style="font-size: 28px; font-weight: bold; letter-spacing: 4px">${escapeHtml(code)}</p>
<p><a href="${escapeHtml(link)}">Sign in to PromoterOS</a></p>
<p>The code and the link work once, for ${validMinutes} minutes.</p>
<p style="color: #666">If you did not ask to sign in, ignore this email: nobody can sign in without the code.</p>
</body></html>`;
  return { to, subject: `Your PromoterOS sign-in code: ${code}`, text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
