// `npm start`: the whole thing on one laptop. The relay on its embedded database (demo data
// loaded on first start), a sign-in code for the demo owner, and the desktop app where
// Electron can run.
import { serve } from '../serve.js';
import { demoPeople } from './seed.js';

const relay = await serve({ LOG_LEVEL: 'info', ...process.env });
const owner = demoPeople().find((p) => p.role === 'OWNER');
if (owner) {
  const response = await fetch(`${relay.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: owner.email, deviceName: 'npm start' }),
  });
  const where = relay.config.SMTP_URL ? 'mailed to that address' : 'in the SIGN-IN CODE line above';
  console.log(
    [
      '',
      `PromoterOS relay: ${relay.url}  (${relay.db.description})`,
      `Demo owner: ${owner.name} <${owner.email}> of ${owner.organization}`,
      response.ok
        ? `Sign-in code: ${where} (valid 15 minutes)`
        : `Could not request a sign-in code: HTTP ${response.status}`,
      'Other demo people: npm run demo -w relay (lists them); sign in as any of them the same way.',
      'Desktop app: the Electron shell is not part of this build yet; the desktop core syncs under Node',
      '(see README "Desktop core").',
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}
