/** @jsxRuntime automatic @jsxImportSource react */
// The settlement sheet, signed at the end of the night: tickets and gross, comps, expenses budget
// against actual, the deal applied step by step (split point included) and the payouts. Every
// figure comes from settleShow (shared/src/settlement); the sheet only lays them out. Beside the
// tickets sold and comps entered stands the drop count (door-count.ts): how many actually came in,
// as the door devices checked them in, so that dispute is settled on the same page.
import { Document, Text, View } from '@react-pdf/renderer';
import { settleShow, type Settlement } from '@promoteros/shared/settlement';
import type { DocumentData } from './document-data.js';
import { dealInWords, dealName } from './deal-in-words.js';
import { Facts, Section, SheetPage, Signatures, Table, styles } from './sheet-parts.js';
import { paperFor, sheetFormat, type SheetFormat } from './sheet-format.js';
import { documentMetadata } from './document-metadata.js';
import type { GuestListKind } from '@promoteros/shared';
import type { DoorCount } from './door-count.js';

/** A list's kind beside its name: the venue names its lists, the kind says what they are for. */
const GUEST_LIST_KINDS: Record<GuestListKind, string> = {
  ARTIST: 'Artist',
  PROMOTER: 'Promoter',
  COMP: 'Comp',
  WILL_CALL: 'Will-call',
  MEDIA: 'Media',
  OTHER: 'Other',
};

/** The explanation lines from the net on: the deal's own steps, bonuses, payout and result. */
function dealSteps(settlement: Settlement) {
  const start = settlement.explanation.findIndex((line) => line.label.startsWith('Net receipts'));
  return settlement.explanation.slice(start + 1);
}

/** Who came in at the door (door-count.ts): per guest list by its name, walk-ups, the total. */
function DoorCountTable({ door, fmt }: { door: DoorCount | null; fmt: SheetFormat }) {
  if (!door) return <Text style={styles.note}>Door count: no check-ins were recorded at the door for this show.</Text>;
  return (
    <>
      <Table
        columns={[
          { label: 'Came in at the door', flex: 2.6 },
          { label: 'Kind', flex: 1.1 },
          { label: 'People', flex: 1, align: 'right' },
        ]}
        rows={[
          ...door.guests.map((g) => [g.listName, GUEST_LIST_KINDS[g.listKind], fmt.count(g.admitted)]),
          ['Walk-ups (counted, not priced)', '', fmt.count(door.walkUps)],
        ]}
        total={['Total came in', '', fmt.count(door.total)]}
      />
      {/* Walk-ups carry no price in PromoterOS: their money is whatever door sales were entered
          as ticket lines, so the count is shown and never added to the gross. */}
      <Text style={styles.note}>
        Check-ins by the door devices, undos taken off. Walk-ups are a count only: they add nothing to the gross.
      </Text>
    </>
  );
}

type SettlementData = Extract<DocumentData, { kind: 'SETTLEMENT' }>;

export function SettlementSheet({ data }: { data: SettlementData }) {
  const { event, deal } = data;
  const s = settleShow(deal, data.lines);
  const fmt = sheetFormat({
    locale: event.organization.locale,
    timeZone: event.venue.timezone,
    currency: deal.currency,
  });
  return (
    <Document {...documentMetadata('Settlement', event, data.asOf)}>
      <SheetPage paper={paperFor(event.venue.country)} title="Settlement" event={event} fmt={fmt} asOf={data.asOf}>
        <SummarySection data={data} s={s} fmt={fmt} />
        <TicketSalesSection data={data} s={s} fmt={fmt} />
        <ExpensesSection s={s} fmt={fmt} />
        <DealAppliedSection data={data} s={s} fmt={fmt} />
        <Payouts s={s} fmt={fmt} />
        <Signatures
          parties={[
            { side: event.organization.name, name: event.venueContacts[0]?.name ?? null },
            { side: `the artist, ${event.artistName}`, name: null },
          ]}
        />
      </SheetPage>
    </Document>
  );
}

/** What needs a look before signing: more in than the room sells, expenses at budget, comp lists over the comps. */
function warningsOf(data: SettlementData, s: Settlement, fmt: SheetFormat): string[] {
  const { deal, door } = data;
  // every list of the comp kind, whatever the venue called them
  const compListIn = door?.guests.filter((g) => g.listKind === 'COMP').reduce((n, g) => n + g.admitted, 0) ?? 0;
  return [
    s.overCapacity
      ? `Tickets sold and comps (${fmt.count(s.ticketsSold + s.comps)}) are above the sellable capacity (${fmt.count(deal.sellable_capacity ?? 0)}).`
      : null,
    s.expensesWithoutActual > 0
      ? `${fmt.count(s.expensesWithoutActual)} expense${s.expensesWithoutActual === 1 ? ' is' : 's are'} charged at budget: no actual cost entered yet.`
      : null,
    compListIn > s.comps
      ? `${fmt.count(compListIn)} came in on comp lists, more than the ${fmt.count(s.comps)} comps entered.`
      : null,
  ].filter((w): w is string => w !== null);
}

function SummarySection({ data, s, fmt }: { data: SettlementData; s: Settlement; fmt: SheetFormat }) {
  const { deal, door } = data;
  return (
    <Section title="Summary">
      {/* the door count beside the tickets and comps entered: "how many came in" settled on one page */}
      <View style={{ flexDirection: 'row' }}>
        <View style={{ flex: 1, paddingRight: 18 }}>
          <Facts
            rows={[
              ['Deal', dealName(deal)],
              [
                'Tickets sold',
                deal.sellable_capacity !== null
                  ? `${fmt.count(s.ticketsSold)} of ${fmt.count(deal.sellable_capacity)}`
                  : fmt.count(s.ticketsSold),
              ],
              ['Comps', fmt.count(s.comps)],
              ['Gross receipts', fmt.money(s.grossCents)],
              ['Expenses', fmt.money(s.expensesCents)],
              ['Net receipts', fmt.money(s.netCents)],
            ]}
          />
        </View>
        <View style={{ width: '45%' }}>
          <DoorCountTable door={door} fmt={fmt} />
        </View>
      </View>
      {warningsOf(data, s, fmt).map((w) => (
        <Text key={w} style={styles.note}>
          Note: {w}
        </Text>
      ))}
    </Section>
  );
}

function TicketSalesSection({ data, s, fmt }: { data: SettlementData; s: Settlement; fmt: SheetFormat }) {
  const tally = data.lines.filter((l) => l.kind === 'TICKETS');
  const adjustments = s.explanation.filter((l) => l.label.startsWith('Adjustment: '));
  return (
    <Section title="Ticket sales">
      <Table
        columns={[
          { label: 'Tickets', flex: 4 },
          { label: 'Quantity', flex: 1.2, align: 'right' },
          { label: 'Price', flex: 1.5, align: 'right' },
          { label: 'Amount', flex: 1.8, align: 'right' },
        ]}
        rows={[
          ...tally.map((l) => [
            l.label,
            fmt.count(l.quantity),
            fmt.money(BigInt(l.unit_cents)),
            fmt.money(BigInt(l.quantity) * BigInt(l.unit_cents)),
          ]),
          ['Comps (no charge)', fmt.count(s.comps), '', fmt.money(0n)],
        ]}
        total={['Gross receipts', fmt.count(s.ticketsSold), '', fmt.money(s.grossCents)]}
      />
      {adjustments.length > 0 ? (
        <View style={{ marginTop: 6 }}>
          <Table
            columns={[
              { label: 'Adjustments', flex: 6.7 },
              { label: 'Amount', flex: 1.8, align: 'right' },
            ]}
            rows={adjustments.map((a) => [a.label.slice('Adjustment: '.length), fmt.money(a.cents)])}
            total={['Adjusted gross', fmt.money(s.adjustedGrossCents)]}
          />
        </View>
      ) : null}
    </Section>
  );
}

function ExpensesSection({ s, fmt }: { s: Settlement; fmt: SheetFormat }) {
  return (
    <Section title="Expenses">
      <Table
        columns={[
          { label: 'Expense', flex: 3.6 },
          { label: 'Budget', flex: 1.5, align: 'right' },
          { label: 'Actual', flex: 1.5, align: 'right' },
          { label: 'Charged', flex: 1.8, align: 'right' },
        ]}
        rows={s.expenses.map((e) => [
          e.label,
          fmt.money(e.budgetCents),
          e.actualCents === null ? '—' : fmt.money(e.actualCents),
          fmt.money(e.appliedCents),
        ])}
        total={['Total expenses', fmt.money(s.expensesBudgetCents), '', fmt.money(s.expensesCents)]}
      />
    </Section>
  );
}

function DealAppliedSection({ data, s, fmt }: { data: SettlementData; s: Settlement; fmt: SheetFormat }) {
  return (
    <Section title="The deal applied">
      {dealInWords(data.deal, fmt).map((sentence) => (
        <Text key={sentence} style={styles.paragraph}>
          {sentence}
        </Text>
      ))}
      <Table
        columns={[
          { label: 'Step', flex: 6.7 },
          { label: 'Amount', flex: 1.8, align: 'right' },
        ]}
        rows={[
          ['Net receipts (adjusted gross less expenses)', fmt.money(s.netCents)],
          ...dealSteps(s).map((l) => [l.label, fmt.money(l.cents)]),
        ]}
      />
    </Section>
  );
}

/** The two figures the signatures are for. */
function Payouts({ s, fmt }: { s: Settlement; fmt: SheetFormat }) {
  return (
    <View style={styles.callout} wrap={false}>
      <Text style={styles.calloutText}>
        Artist payout: <Text style={styles.bold}>{fmt.money(s.artistPayoutCents)}</Text> (
        {fmt.moneyWords(s.artistPayoutCents)})
      </Text>
      <Text style={styles.calloutText}>
        Promoter result: <Text style={styles.bold}>{fmt.money(s.promoterResultCents)}</Text>
      </Text>
    </View>
  );
}
