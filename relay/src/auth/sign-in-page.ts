// GET /sign-in?token=… — where a sign-in email's link lands in the browser. The link signs in the
// app, not this browser, so the page does not use it: it hands the token on to the app
// (promoteros://sign-in?token=…, passed to PromoterOS by the operating system) and shows the link
// to paste on the app's sign-in screen should the app not open. A link that can no longer sign in
// gets a page saying why (used, expired, cancelled) instead of a button that would fail.
import type { FastifyPluginAsync } from 'fastify';
import { renderSignInHandoff, renderSignInLinkProblem, type SignInLinkProblem } from '@promoteros/intake-page';
import type { Sql } from '../db/database.js';
import { sendPage } from '../http/html-page.js';
import { publicUrl } from '../http/public-url.js';
import type { RelayConfig } from '../config.js';
import { LinkToken } from './body-schemas.js';
import type { SignInHasher } from './sign-in-codes.js';
import { peekLink, SIGN_IN_VALID_MINUTES } from './sign-in-tokens.js';

export const SIGN_IN_PAGE_PATH = '/sign-in';

// the page holds a live sign-in token: no link on it passes it on, and it runs no script
const tighter = {
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'",
};

export interface SignInPageOptions {
  readonly sql: Sql;
  readonly hasher: SignInHasher;
  readonly config: RelayConfig;
}

export const signInPageRoute: FastifyPluginAsync<SignInPageOptions> = async (app, { sql, hasher, config }) => {
  app.get<{ Querystring: { token?: string } }>(SIGN_IN_PAGE_PATH, async (request, reply) => {
    const send = (status: number, page: string) => sendPage(reply, status, page, tighter);
    const problem = (status: number, why: SignInLinkProblem) =>
      send(status, renderSignInLinkProblem(why, SIGN_IN_VALID_MINUTES));

    const token = LinkToken.safeParse(request.query.token);
    if (!token.success) return problem(400, 'incomplete');
    const { state, minutesLeft } = await peekLink(sql, hasher, token.data);
    if (state === 'unknown') return problem(404, 'unknown');
    if (state !== 'live') return problem(410, state);
    const query = `token=${encodeURIComponent(token.data)}`;
    return send(
      200,
      renderSignInHandoff({
        appLink: `promoteros://sign-in?${query}`,
        pageLink: `${publicUrl(config.PUBLIC_URL, app.server)}${SIGN_IN_PAGE_PATH}?${query}`,
        minutesLeft,
      }),
    );
  });
};
