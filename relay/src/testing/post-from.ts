// POST JSON to a test relay from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so that a
// test can be several clients, each with its own address for the relay's per-address limits.
import { request } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly cacheControl: string | undefined;
  readonly body: Record<string, unknown>;
}

export function postFrom(
  relay: { readonly url: string },
  path: string,
  body: unknown,
  fromAddress = '127.0.0.1',
): Promise<Answer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, relay.url),
      { method: 'POST', localAddress: fromAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: res.headers['retry-after'] as string | undefined,
              cacheControl: res.headers['cache-control'],
              body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
            });
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
