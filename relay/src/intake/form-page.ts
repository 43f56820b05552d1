// The request form as the relay hands it out (intake-page/ renders it): the venue's rules and
// clock, the form's own address to post back to, and the page's script at a versioned URL. The
// script is bundled on first use (script-bundle.ts); the form works without it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { zoneLabel } from '@promoteros/shared/intake';
import { renderIntakePage, scriptBundle } from '@promoteros/intake-page';
import type { IntakeVenueRow } from './intake-venue.js';

export const SCRIPT_PATH = '/request-assets/intake-form.js';

/** What the page shows besides the venue: a fresh or the same form token, what was typed, what to fix. */
export interface FormPageState {
  formToken: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  notice?: string;
}

/** GET /request-assets/intake-form.js */
export async function serveScript(request: FastifyRequest, reply: FastifyReply) {
  const bundle = await scriptBundle();
  const { v } = request.query as { v?: string };
  return reply
    .headers({
      'content-type': 'text/javascript; charset=utf-8',
      'x-content-type-options': 'nosniff',
      // the page links a versioned URL: that exact code never changes
      'cache-control': v === bundle.version ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    .send(bundle.code);
}

async function scriptUrl(): Promise<string | undefined> {
  try {
    return `${SCRIPT_PATH}?v=${(await scriptBundle()).version}`;
  } catch {
    return undefined; // the form works without its script
  }
}

/** The form page of `venue`, posting back to the address it was asked for at. */
export async function formPage(request: FastifyRequest, venue: IntakeVenueRow, state: FormPageState): Promise<string> {
  return renderIntakePage({
    organizationName: venue.organizationName,
    venueName: venue.name,
    timezone: venue.timezone,
    zoneLabel: zoneLabel(venue.timezone),
    capacity: venue.capacity,
    minAttendance: venue.minAttendance,
    locale: venue.locale,
    action: request.url.split('?')[0]!,
    scriptUrl: await scriptUrl(),
    ...state,
  });
}
