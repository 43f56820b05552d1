// CORS only for the origins in CORS_ORIGINS: a page from any other origin gets no
// Access-Control-Allow-Origin, so a browser does not let it read the relay's answers. None is
// configured by default: the desktop app and its dev host call the relay from Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';

let db: TestDatabase;
let open: TestRelay;
let configured: TestRelay;

const ALLOWED = 'https://app.promoteros.example';

beforeAll(async () => {
  db = await createTestDatabase('cors');
  [open, configured] = await Promise.all([
    startTestRelay(db),
    startTestRelay(db, { CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` }),
  ]);
});

afterAll(async () => {
  await Promise.all([open?.stop(), configured?.stop()]);
  await db?.drop();
});

async function asked(relay: TestRelay, origin: string) {
  const simple = await fetch(`${relay.url}/v1/auth/session`, { headers: { origin } });
  const preflight = await fetch(`${relay.url}/v1/auth/sign-in`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  return {
    simple: simple.headers.get('access-control-allow-origin'),
    preflight: preflight.headers.get('access-control-allow-origin'),
  };
}

describe('CORS', () => {
  it('should answer no origin when none is configured', async () => {
    expect(await asked(open, 'https://evil.example')).toEqual({ simple: null, preflight: null });
    expect(await asked(open, ALLOWED)).toEqual({ simple: null, preflight: null });
  });

  it('should allow a configured origin and no other', async () => {
    expect(await asked(configured, ALLOWED)).toEqual({ simple: ALLOWED, preflight: ALLOWED });
    expect(await asked(configured, 'http://localhost:5173')).toMatchObject({ simple: 'http://localhost:5173' });
    expect(await asked(configured, 'https://evil.example')).toEqual({ simple: null, preflight: null });
    // a look-alike is not the configured origin
    expect(await asked(configured, `${ALLOWED}.evil.example`)).toEqual({ simple: null, preflight: null });
  });

  it('should expose the shape headers to a configured origin', async () => {
    const response = await fetch(`${configured.url}/healthz`, { headers: { origin: ALLOWED } });
    expect(response.headers.get('access-control-expose-headers')).toMatch(/electric-handle/);
  });
});
