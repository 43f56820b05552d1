// The address people reach the relay at, for links in emails: PUBLIC_URL when set (the
// relay usually sits behind a proxy), else the address it listens on.
import type { Server } from 'node:http';

export function publicUrl(configured: string | undefined, server: Server): string {
  if (configured) return configured.replace(/\/+$/, '');
  const address = server.address();
  if (!address || typeof address === 'string') return 'http://localhost';
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
