// For specs that start at a venue's public request page and follow the request into the desktop
// app: a venue stack whose relay takes a form as soon as it is filled (a person needs a few
// seconds, Playwright does not, and waiting out the minimum fill time would be a fixed sleep), and
// a promoter filling the form in as a person would, with or without JavaScript.
import { expect, type Page } from '@playwright/test';
import { startVenueStack, type VenueStack } from './venue-stack.js';

/** startVenueStack's stack (the demo loaded, a mailbox, a desktop on the dev host), its relay without a minimum fill time */
export const startIntakeVenueStack = (label: string): Promise<VenueStack> =>
  startVenueStack(label, { INTAKE_MIN_FILL_SECONDS: '0' });

/** What a promoter types into the public form (times on the venue's clock). */
export interface PromoterRequest {
  readonly name: string;
  readonly email: string;
  readonly artist: string;
  readonly eventTitle: string;
  readonly description: string;
  /** 'YYYY-MM-DD' */
  readonly preferredDate: string;
  /** 'HH:MM' */
  readonly startTime: string;
  readonly endTime: string;
  readonly expectedAttendance: number;
}

/** Fills the form and sends it; returns the reference the confirmation shows. */
export async function sendIntakeRequest(page: Page, request: PromoterRequest): Promise<string> {
  await page.getByLabel('Your name').fill(request.name);
  await page.getByLabel('Email address').fill(request.email);
  await page.getByLabel('Artist or act').fill(request.artist);
  await page.getByLabel('Event title').fill(request.eventTitle);
  await page.getByLabel('Description').fill(request.description);
  await page.getByLabel('Preferred date').fill(request.preferredDate);
  await page.getByLabel('Start time').fill(request.startTime);
  await page.getByLabel('End time').fill(request.endTime);
  await page.getByLabel('Expected attendance').fill(String(request.expectedAttendance));
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
  await expect(page.getByText(`A confirmation is on its way to ${request.email}.`)).toBeVisible();
  const reference = (await page.locator('#reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^REQ-[0-9A-Z]{6}$/);
  return reference;
}
