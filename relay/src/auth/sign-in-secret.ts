// The key for the HMACs of sign-in codes and links. AUTH_SECRET in production (loadConfig
// insists); in development and tests a random one, so that a fresh checkout signs in with no
// setup, at the price that codes sent before a restart stop working. That is routine there, so it
// is said at info: `npm start` keeps it in its log file, out of the newcomer's terminal.
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { RelayConfig } from '../config.js';

export function signInSecret(config: RelayConfig, log: FastifyBaseLogger): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  log.info('AUTH_SECRET is not set: using a random secret, so sign-in codes do not survive a restart');
  return randomBytes(32).toString('base64url');
}
