// Garbage in: every kind of bad request gets a 4xx JSON answer that names the problem, and
// the relay keeps serving afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';

let db: TestDatabase;
let relay: TestRelay;

beforeAll(async () => {
  db = await createTestDatabase('garbage_in');
  relay = await startTestRelay(db, { SIGN_IN_LIMIT_PER_IP: '1000' });
});

afterAll(async () => {
  await relay?.stop();
  await db?.drop();
});

async function send(method: string, path: string, body?: string, contentType = 'application/json') {
  const response = await fetch(`${relay.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Record<string, unknown> };
}

describe('garbage in', () => {
  it('should answer malformed JSON with 400 malformed_json', async () => {
    const answer = await send('POST', '/v1/auth/sign-in', '{"email": "a@b.test",');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 'malformed_json', message: 'the request body is not valid JSON' });
  });

  it('should answer an empty JSON body with 400', async () => {
    const answer = await send('POST', '/v1/auth/sign-in', '');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('malformed_json');
  });

  it('should answer a body over the limit with 413', async () => {
    const answer = await send('POST', '/v1/auth/sign-in', JSON.stringify({ email: 'a'.repeat(2_000_000) }));
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('payload_too_large');
  });

  it('should answer an unsupported content type with 415', async () => {
    const xml = await send('POST', '/v1/auth/sign-in', '<email>a@b.test</email>', 'application/xml');
    expect(xml.status).toBe(415);
    expect(xml.body).toMatchObject({
      code: 'unsupported_media_type',
      message: expect.stringMatching(/application\/json/),
    });
    const plain = await send('POST', '/v1/auth/sign-in', 'a@b.test', 'text/plain');
    expect(plain.status).toBe(415);
    expect(plain.body.code).toBe('unsupported_media_type');
  });

  it('should answer a wrong method on a known path with 405 and Allow', async () => {
    const get = await send('GET', '/v1/auth/sign-in');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(get.body).toMatchObject({
      code: 'method_not_allowed',
      message: 'GET is not allowed on /v1/auth/sign-in: use POST',
    });
    const del = await send('DELETE', '/healthz');
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    expect((await send('PUT', '/metrics')).status).toBe(405);
  });

  it('should answer a path with a broken percent escape with 400 in the relay’s words', async () => {
    for (const path of ['/request/%/main-room', '/v1/documents/%zz', '/%ED%A0%80%']) {
      const answer = await send('GET', path);
      expect(answer.status, path).toBe(400);
      expect(answer.body, path).toEqual({
        code: 'bad_url',
        message: 'the address has a broken percent escape (such as %zz)',
      });
    }
  });

  it('should name a field holding text that cannot be stored', async () => {
    const nul = await send('POST', '/v1/auth/sign-in', JSON.stringify({ email: 'a@b.test', deviceName: 'Bar\u0000' }));
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual({ deviceName: 'contains a character that cannot be stored (NUL)' });
    const cut = await send('POST', '/v1/auth/sign-in', '{"email": "a@b.test", "deviceName": "Phone \\ud83d"}');
    expect(cut.status).toBe(400);
    expect(cut.body.errors).toEqual({
      deviceName: 'contains a character that cannot be stored (a cut emoji or lone surrogate)',
    });
  });

  it('should answer an unknown path with 404', async () => {
    const answer = await send('GET', '/v1/nothing-here?x=1');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ code: 'not_found', message: 'no route for GET /v1/nothing-here' });
  });

  it('should name missing fields, wrong types and oversized values', async () => {
    const missing = await send('POST', '/v1/auth/sign-in', '{}');
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: 'invalid_request',
      message: 'email is required',
      errors: { email: 'is required' },
    });

    const wrongType = await send('POST', '/v1/auth/sign-in', JSON.stringify({ email: 42 }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toEqual({ email: 'must be an email address' });

    const huge = await send('POST', '/v1/auth/sign-in', JSON.stringify({ email: `${'a'.repeat(500_000)}@b.test` }));
    expect(huge.status).toBe(400);
    expect(huge.body.errors).toEqual({ email: 'must be at most 254 characters' });

    const longDevice = await send(
      'POST',
      '/v1/auth/sign-in',
      JSON.stringify({ email: 'a@b.test', deviceName: 'x'.repeat(10_000) }),
    );
    expect(longDevice.status).toBe(400);
    expect(longDevice.body.errors).toEqual({ deviceName: 'must be at most 200 characters' });

    const numberCode = await send('POST', '/v1/auth/verify', JSON.stringify({ email: 'a@b.test', code: 123456 }));
    expect(numberCode.status).toBe(400);
    expect(numberCode.body.errors).toMatchObject({ code: expect.stringMatching(/six digits/) });

    const nothing = await send('POST', '/v1/auth/verify', JSON.stringify({ deviceName: 'x' }));
    expect(nothing.status).toBe(400);
    expect(Object.keys(nothing.body.errors as object).sort()).toEqual(['code', 'email']);
  });

  it('should refuse a JSON body that is not an object', async () => {
    for (const body of ['[]', '"a@b.test"', '42']) {
      const answer = await send('POST', '/v1/auth/sign-in', body);
      expect(answer.status, body).toBe(400);
      expect(answer.body, body).toEqual({ code: 'invalid_body', message: 'the request body must be a JSON object' });
    }
    expect((await send('POST', '/v1/auth/sign-in', 'null')).body.code).toBe('missing_body');
  });

  it('should refuse a request with no body at all', async () => {
    const answer = await send('POST', '/v1/auth/verify');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('missing_body');
  });

  it('should refuse a malformed bearer token with 401', async () => {
    const response = await fetch(`${relay.url}/v1/auth/session`, { headers: { authorization: 'Bearer <script>' } });
    expect(response.status).toBe(401);
  });

  it('should survive a request that is not HTTP at all', async () => {
    const { port, hostname } = new URL(relay.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write('HELLO THIS IS NOT HTTP\r\n\r\n'));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
  });

  it('should still answer /healthz after all of that', async () => {
    const response = await fetch(`${relay.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});
