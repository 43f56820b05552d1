// The icon of the relay's public pages (the intake form, the sign-in link's page). Browsers ask
// for /favicon.ico on their own, and without an answer each page view would log a 404; the pages
// name /favicon.svg. One small SVG serves both addresses: every current browser draws an SVG icon.
import type { FastifyPluginAsync } from 'fastify';

export const FAVICON_PATH = '/favicon.svg';

// a white "P" on the app's indigo, legible at 16 px
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="7" fill="#4f46e5"/>' +
  '<path fill="#fff" fill-rule="evenodd" d="M10 7h7.5a5.5 5.5 0 0 1 0 11H14v7h-4zM14 11v3h3.5a1.5 1.5 0 0 0 0-3z"/>' +
  '</svg>';

export const faviconRoutes: FastifyPluginAsync = async (app) => {
  for (const path of [FAVICON_PATH, '/favicon.ico']) {
    app.get(path, { logLevel: 'warn' }, async (_request, reply) =>
      reply
        .headers({
          'content-type': 'image/svg+xml',
          // the icon changes with a release at most
          'cache-control': 'public, max-age=86400',
          'x-content-type-options': 'nosniff',
        })
        .send(FAVICON_SVG),
    );
  }
};
