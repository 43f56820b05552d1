// The relay's sign-in API as the desktop uses it (relay/src/auth/routes.ts). Failures come back
// as CommandFailure: `offline` when the relay cannot be reached, `not_signed_in` when it refuses
// the session, `relay_refused` with the relay's own message for everything else it turns down.
import { z } from 'zod';
import { OrganizationChoice } from '../../common/command-map.js';
import { CommandFailure } from './command-failure.js';

export const Account = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  organizations: z.array(OrganizationChoice),
});
export type Account = z.infer<typeof Account>;

const VerifiedSession = Account.extend({ sessionToken: z.string(), expiresAt: z.string() });
export type VerifiedSession = z.infer<typeof VerifiedSession>;

const RelayErrorBody = z.object({ code: z.string(), message: z.string() });

export interface RelayAuthOptions {
  readonly relayUrl: string;
  readonly fetch?: typeof fetch;
}

/** a code from the email, with the sign-in it answers (signInId: its wrong tries count there alone) */
export type VerifyProof = { email: string; code: string; signInId?: string } | { token: string };

export interface RequestedCode {
  /** the relay's words, the same for every address */
  readonly message: string;
  /** the sign-in asked for, to send with its code (a relay from before signInId answers none) */
  readonly signInId?: string;
}

export class RelayAuth {
  readonly relayUrl: string;
  readonly #fetch: typeof fetch;

  constructor(options: RelayAuthOptions) {
    this.relayUrl = options.relayUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? fetch;
  }

  /** Asks the relay to mail a code; answers with the relay's words and the sign-in's id. */
  async requestCode(email: string, deviceName: string): Promise<RequestedCode> {
    const body = await this.#call('POST', '/v1/auth/sign-in', { email, deviceName });
    const parsed = z.object({ message: z.string(), signInId: z.string().optional() }).safeParse(body);
    const message = parsed.success ? parsed.data.message : `A sign-in code is on its way to ${email}.`;
    const signInId = parsed.success ? parsed.data.signInId : undefined;
    return signInId ? { message, signInId } : { message };
  }

  async verify(proof: VerifyProof, deviceName: string): Promise<VerifiedSession> {
    return VerifiedSession.parse(await this.#call('POST', '/v1/auth/verify', { ...proof, deviceName }));
  }

  async account(token: string): Promise<Account> {
    return Account.parse(await this.#call('GET', '/v1/auth/session', undefined, token));
  }

  async signOut(token: string): Promise<void> {
    await this.#call('POST', '/v1/auth/sign-out', undefined, token);
  }

  async #call(method: string, path: string, body?: unknown, token?: string): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(`${this.relayUrl}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new CommandFailure(
        'offline',
        `cannot reach the relay at ${this.relayUrl} (${(error as Error).message}); check the address and your connection`,
      );
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // a proxy's HTML error page: reported below by status
    }
    if (response.ok) return json;
    const refusal = RelayErrorBody.safeParse(json);
    const message = refusal.success ? refusal.data.message : `the relay answered ${response.status}`;
    if (response.status === 401 && token) throw new CommandFailure('not_signed_in', message);
    if (response.status >= 500) throw new CommandFailure('offline', `the relay is unavailable: ${message}`);
    throw new CommandFailure('relay_refused', message, refusal.success ? { relayCode: refusal.data.code } : undefined);
  }
}
