// Settling a show in Chromium, against a real relay and PostgreSQL through the dev host: a
// manager opens a played show's settlement, sees the guarantee-plus deal applied to its lines,
// enters the sound bill's actual and watches the split point move the artist's payout and the
// venue's share, then settles the show (asking first), after which the panel is read-only and
// the relay holds the actual and the SETTLED status.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { startVenueStack, type VenueStack } from './venue-stack.js';

const MANAGER = 'manager@lakeshore-live.demo';
const SHOW = 'Settlement Test Night';

let stack: VenueStack;
const eventId = randomUUID();

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_settlement');
  const [venue] = await stack.db.sql<{ id: string; organization_id: string }[]>`
    SELECT v.id, v.organization_id FROM venues v JOIN organizations o ON o.id = v.organization_id
     WHERE o.slug = 'lakeshore-live' ORDER BY v.name LIMIT 1`;
  if (!venue) throw new Error('the demo has no Lakeshore Live venue');
  const org = venue.organization_id;
  await stack.db.sql`
    INSERT INTO events (id, organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at, ends_at)
    VALUES (${eventId}, ${org}, ${venue.id}, ${SHOW}, 'The Ledger Lines', 'CONFIRMED', '2026-03-14',
            '2026-03-14 23:00+00', '2026-03-15 00:00+00', '2026-03-15 03:00+00')`;
  // $3,000 guarantee plus 85 % above a split point carrying 15 % promoter profit
  await stack.db.sql`
    INSERT INTO deal_terms (organization_id, event_id, deal_type, guarantee_cents, artist_share_bp, promoter_profit_bp,
                            ticket_price_cents, sellable_capacity, expenses_budget_cents)
    VALUES (${org}, ${eventId}, 'GUARANTEE_PLUS', 300000, 8500, 1500, 2500, 450, 150000)`;
  const lines: [string, string, number, number, number, number | null][] = [
    ['TICKETS', 'Advance', 380, 2500, 0, null],
    ['TICKETS', 'Door', 20, 3000, 0, null],
    ['COMPS', 'Guest list', 15, 0, 0, null],
    ['EXPENSE', 'Security', 1, 0, 30000, 41000],
    ['EXPENSE', 'Sound', 1, 0, 120000, null],
    ['ADJUSTMENT', 'Ticketing fees', 1, -4200, 0, -4200],
  ];
  for (const [position, [kind, label, quantity, unit, budget, actual]] of lines.entries()) {
    await stack.db.sql`
      INSERT INTO settlement_lines (organization_id, event_id, kind, label, quantity, unit_cents, budget_cents,
                                    actual_cents, position)
      VALUES (${org}, ${eventId}, ${kind}, ${label}, ${quantity}, ${unit}, ${budget}, ${actual}, ${position})`;
  }
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await stack?.stop();
});

test('should move the payout as a manager enters an expense actual, then settle the show', async ({ page }) => {
  // signed in through the app's core first (see documents.spec.ts: the demo's first sync)
  expect((await stack.app.dispatch('auth.requestCode', { relayUrl: stack.relayUrl(), email: MANAGER })).ok).toBe(true);
  const code = await stack.nextSignInCode(MANAGER);
  expect((await stack.app.dispatch('auth.verifyCode', { email: MANAGER, code })).ok).toBe(true);
  await openSignedIn(page, stack, MANAGER);
  await page.evaluate((to) => (window.location.hash = to), `#/events/${eventId}`);
  await expect(page.getByRole('heading', { name: SHOW })).toBeVisible();

  const panel = page.getByRole('region', { name: 'Settlement' });
  const figure = (label: string) => panel.locator('div', { has: page.getByText(label, { exact: true }) }).last();
  // net $8,448.00; split point $5,301.50; 85 % of the $4,756.50 above it, rounded: $4,043.03
  await expect(figure('Net')).toContainText('$8,448.00');
  await expect(figure('Split point')).toContainText('$5,301.50');
  await expect(figure('Artist payout')).toContainText('$7,043.03');
  await expect(figure('Venue / promoter share')).toContainText('$1,404.97');
  await expect(figure('Tickets sold')).toContainText('400');

  // the sound bill came in at $2,000 against $1,200 budgeted: typed with the keyboard alone
  await panel.getByRole('button', { name: 'Edit Sound' }).click();
  const form = panel.getByRole('form', { name: 'Save settlement line' });
  await expect(form.getByLabel('Label')).toBeFocused();
  await form.getByLabel('Actual').fill('2,000');
  await form.getByLabel('Actual').press('Enter');
  await expect(form).toBeHidden();
  await expect(panel.getByRole('listitem', { name: 'Sound' })).toContainText('$2,000.00');
  // the split point rises by $800 + 15 % of it; the artist's 85 % above it falls by $782
  await expect(figure('Split point')).toContainText('$6,221.50');
  await expect(figure('Artist payout')).toContainText('$6,261.03');
  await expect(figure('Venue / promoter share')).toContainText('$1,386.97');

  // the sound bill is now the bigger one: it goes first among the expenses, by keyboard
  const expenses = panel.getByRole('list', { name: 'Expenses' }).getByRole('listitem');
  await expect(expenses).toHaveText([/^Security/, /^Sound/]);
  await panel.getByRole('button', { name: 'Move Sound up' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(expenses).toHaveText([/^Sound/, /^Security/]);
  // first of its kind now: it cannot go higher, and the focus stays on the line to move it back
  await expect(panel.getByRole('button', { name: 'Move Sound up' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Move Sound down' })).toBeFocused();

  // settling asks first; Cancel leaves the show as it was
  await panel.getByRole('button', { name: 'Settle show' }).click();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await panel.getByRole('button', { name: 'Settle show' }).click();
  const confirm = panel.getByRole('button', { name: 'Settle for good' });
  await expect(confirm).toBeFocused();
  await confirm.press('Enter');
  await expect(panel.getByText('Settled: these figures are final.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Edit Sound' })).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Settle show' })).toBeHidden();

  // uploaded: the relay holds the new order of the expenses
  await expect
    .poll(async () =>
      (
        await stack.db.sql<{ label: string }[]>`
          SELECT label FROM settlement_lines WHERE event_id = ${eventId} AND kind = 'EXPENSE' ORDER BY position`
      ).map((row) => row.label),
    )
    .toEqual(['Sound', 'Security']);
  // uploaded: the relay holds the actual and the settled status
  await expect
    .poll(async () => {
      const [row] = await stack.db.sql<{ status: string; actual: string | null }[]>`
        SELECT e.status, s.actual_cents::text AS actual FROM events e
          JOIN settlement_lines s ON s.event_id = e.id AND s.label = 'Sound'
         WHERE e.id = ${eventId}`;
      return row;
    })
    .toEqual({ status: 'SETTLED', actual: '200000' });
});
