// The settlement sheet's render time, for `npm run bench:jobs` (bench/jobs.bench.ts prints
// pdf_p50_ms / pdf_p99_ms from it). Demo-like nights (a London venue, two ticket lines, comps,
// seven expense lines, an adjustment now and then, the four deal types in turn) drawn to PDF
// bytes by renderDocument, database aside: what one `document.render` job waits for, drawing in
// the PDF drawing worker (relay/src/documents/pdf-drawing-pool.ts) included.
// event_loop_max_block_ms: the longest gap between ticks of a 1 ms timer on this thread while
// the sheets draw, i.e. how long every other request of the relay would have waited.
// Run alone: `npx tsx bench/jobs-pdf.ts [runs]` prints one JSON line, with the same figures for
// drawing in this thread (drawDocument, as the relay did before the worker) as the floor.
import { performance } from 'node:perf_hooks';
import { dealTypes } from '@promoteros/shared';
import {
  drawDocument,
  renderDocument,
  type DocumentData,
  type RenderedDocument,
} from '../relay/src/documents/index.js';
import { percentile } from './relay-process.js';

const expenseLines: [string, number][] = [
  ['Sound and lights', 30],
  ['Security', 20],
  ['Stagehands and crew', 15],
  ['Marketing and advertising', 15],
  ['Box office and ticketing', 8],
  ['Hospitality and catering', 7],
  ['Cleaning', 5],
];

/** The n-th demo-like night: figures vary with n so no two renders draw the same sheet. */
export function demoSettlement(n: number): Extract<DocumentData, { kind: 'SETTLEMENT' }> {
  const dealType = dealTypes[n % dealTypes.length]!;
  const capacity = 1_800;
  const sold = 1_000 + ((n * 37) % 800);
  const advance = Math.round(sold * 0.8);
  const price = 2_500 + (n % 5) * 500;
  const budget = 1_800_000 + (n % 7) * 50_000;
  const showDate = `2026-0${1 + (n % 9)}-1${n % 10}`;
  const at = (time: string) => new Date(`${showDate}T${time}:00Z`);
  return {
    kind: 'SETTLEMENT',
    asOf: at('23:40'),
    event: {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      title: `Night Drive — Tour ${n}`,
      artistName: 'Night Drive',
      status: 'CONFIRMED',
      showDate,
      doorsAt: at('18:30'),
      showAt: at('20:00'),
      endsAt: at('22:45'),
      capacity,
      notes: null,
      requestReference: 'REQ-7KD2-9XQ4',
      organization: { name: 'Meridian Halls', emailFrom: 'bookings@meridian-halls.demo', locale: 'en-GB' },
      venue: {
        name: 'Meridian Hall London',
        timezone: 'Europe/London',
        address: '12 Camden Road',
        city: 'London',
        country: 'GB',
        capacity,
      },
      promoter: {
        name: 'Leah Haddad',
        company: 'Wavelength Artists',
        email: 'leah@wavelength.example',
        phone: '+44 20 7946 0155',
        role: 'Promoter',
      },
      requester: null,
      venueContacts: [
        { name: 'Oliver Hartley', email: 'owner@meridian-halls.demo', phone: '+44 20 7946 0321', role: 'Owner' },
        { name: 'Priya Shah', email: 'manager@meridian-halls.demo', phone: '+44 20 7946 0388', role: 'Manager' },
      ],
    },
    deal: {
      deal_type: dealType,
      currency: 'GBP',
      guarantee_cents: dealType === 'DOOR_SPLIT' ? 0 : 1_500_000,
      artist_share_bp: dealType === 'FLAT' ? 0 : 8_000,
      split_basis: 'NET',
      promoter_profit_bp: dealType === 'GUARANTEE_PLUS' ? 1_500 : 0,
      ticket_price_cents: price,
      sellable_capacity: capacity,
      expenses_budget_cents: budget,
      bonuses: dealType === 'GUARANTEE_PLUS' ? [{ atTickets: 1_440, bonusCents: 100_000 }] : [],
      notes: null,
    },
    lines: [
      {
        kind: 'TICKETS',
        label: 'Advance tickets',
        quantity: advance,
        unit_cents: price,
        budget_cents: 0,
        actual_cents: null,
      },
      {
        kind: 'TICKETS',
        label: 'Door sales',
        quantity: sold - advance,
        unit_cents: price + 500,
        budget_cents: 0,
        actual_cents: null,
      },
      { kind: 'COMPS', label: 'Comps', quantity: 20 + (n % 60), unit_cents: 0, budget_cents: 0, actual_cents: null },
      ...expenseLines.map(([label, share], i) => {
        const lineBudget = Math.round((budget * share) / 100);
        return {
          kind: 'EXPENSE' as const,
          label,
          quantity: 1,
          unit_cents: lineBudget,
          budget_cents: lineBudget,
          actual_cents: (n + i) % 3 === 0 ? null : lineBudget + ((n * 13 + i * 7) % 200) * 100 - 10_000,
        };
      }),
      ...(n % 3 === 0
        ? [
            {
              kind: 'ADJUSTMENT' as const,
              label: 'Parking reimbursement',
              quantity: 1,
              unit_cents: 15_000,
              budget_cents: 0,
              actual_cents: 15_000,
            },
          ]
        : []),
    ],
    // a counted door, so the bench draws the sheet's door count table too
    door: {
      guests: [
        { listName: 'Band and crew', listKind: 'ARTIST', admitted: 12 },
        { listName: 'Radio giveaway', listKind: 'COMP', admitted: 20 + (n % 60) },
      ],
      walkUps: sold - advance,
      total: 12 + 20 + (n % 60) + sold - advance,
    },
  };
}

/** The longest gap between ticks of a 1 ms timer on this thread while `work` runs, in ms. */
async function longestLoopGap(work: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
    // a block still under way when the work ends counts too
    return Math.max(longest, performance.now() - last);
  } finally {
    clearInterval(timer);
  }
}

/**
 * Renders `runs` settlement sheets one after another: milliseconds per render, and the longest the
 * event loop was held meanwhile. Through renderDocument (the relay's path) unless told otherwise.
 */
export async function measureSettlementPdf(
  runs: number,
  draw: (data: DocumentData) => Promise<RenderedDocument> = renderDocument,
): Promise<{ p50: number; p99: number; eventLoopMaxBlockMs: number }> {
  // the first renders load the renderer's modules and font metrics (and start the worker): not
  // what a job pays
  for (let n = 0; n < 3; n++) await draw(demoSettlement(n));
  const times: number[] = [];
  const eventLoopMaxBlockMs = await longestLoopGap(async () => {
    for (let n = 0; n < runs; n++) {
      const data = demoSettlement(n);
      const started = performance.now();
      await draw(data);
      times.push(performance.now() - started);
      // a job reads and writes the database between renders: the loop turns (timers included)
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  });
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    eventLoopMaxBlockMs: round(eventLoopMaxBlockMs),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2] ?? 200);
  const pooled = await measureSettlementPdf(runs);
  const inThread = await measureSettlementPdf(runs, drawDocument);
  process.stdout.write(
    `${JSON.stringify({
      runs,
      pdf_p50_ms: pooled.p50,
      pdf_p99_ms: pooled.p99,
      event_loop_max_block_ms: pooled.eventLoopMaxBlockMs,
      in_thread_pdf_p50_ms: inThread.p50,
      in_thread_pdf_p99_ms: inThread.p99,
      in_thread_event_loop_max_block_ms: inThread.eventLoopMaxBlockMs,
    })}\n`,
  );
}
