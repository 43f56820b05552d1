// The relay half of `npm start` (desktop/src/launch/start-with-relay.ts starts this, then the
// desktop app): the relay on its embedded database (demo data loaded on first start) and a
// sign-in code for the demo owner. `npm run start -w relay` runs it alone.
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
      'Desktop app: `npm start` at the top of the repository opens it with this relay (in Electron, or in a',
      'browser through the dev host where Electron cannot run); alone: `npm run dev:web` after a build.',
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}
