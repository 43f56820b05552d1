/** @jsxRuntime automatic @jsxImportSource react */
// The building blocks every sheet is drawn with: page frame (header, footer with page numbers),
// sections, label/value facts, tables and signature lines. Built-in Helvetica: nothing to embed,
// nothing to load, the same bytes on every relay, and print-ready in black and greys.
import type { ReactNode } from 'react';
import { Font, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { EventFacts } from './document-data.js';
import type { PaperSize, SheetFormat } from './sheet-format.js';

// names and addresses are never broken across lines with a hyphen ("Mel- bourne")
Font.registerHyphenationCallback((word) => [word]);

const ink = '#111827';
const muted = '#4b5563';
const rule = '#d1d5db';
const band = '#f3f4f6';

export const styles = StyleSheet.create({
  page: {
    paddingTop: 40,
    paddingBottom: 56,
    paddingHorizontal: 44,
    fontFamily: 'Helvetica',
    fontSize: 9.5,
    color: ink,
  },
  header: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderBottomWidth: 1.5,
    borderBottomColor: ink,
    paddingBottom: 10,
    marginBottom: 14,
  },
  organization: { fontSize: 8.5, color: muted, textTransform: 'uppercase' },
  docTitle: { fontSize: 19, fontFamily: 'Helvetica-Bold', marginTop: 3 },
  eventTitle: { fontSize: 11.5, marginTop: 3 },
  headerRight: { alignItems: 'flex-end', maxWidth: 220 },
  headerDate: { fontSize: 11, fontFamily: 'Helvetica-Bold' },
  headerVenue: { fontSize: 9, color: muted, textAlign: 'right' },
  section: { marginBottom: 12 },
  sectionTitle: {
    fontSize: 10.5,
    fontFamily: 'Helvetica-Bold',
    borderBottomWidth: 0.75,
    borderBottomColor: rule,
    paddingBottom: 2,
    marginBottom: 5,
  },
  factRow: { flexDirection: 'row', paddingVertical: 1.5 },
  factLabel: { width: 130, color: muted },
  factValue: { flex: 1 },
  tableHead: {
    flexDirection: 'row',
    backgroundColor: band,
    borderBottomWidth: 0.75,
    borderBottomColor: rule,
    paddingVertical: 3,
    fontFamily: 'Helvetica-Bold',
    fontSize: 8.5,
  },
  tableRow: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: 3 },
  tableTotal: {
    flexDirection: 'row',
    borderTopWidth: 1,
    borderTopColor: ink,
    paddingVertical: 3,
    fontFamily: 'Helvetica-Bold',
  },
  cell: { paddingHorizontal: 4 },
  paragraph: { marginBottom: 4 },
  note: { fontSize: 8.5, color: muted, marginTop: 3 },
  callout: { borderWidth: 1, borderColor: ink, padding: 8, marginBottom: 12 },
  calloutText: { fontSize: 10.5 },
  bold: { fontFamily: 'Helvetica-Bold' },
  footer: {
    position: 'absolute',
    bottom: 24,
    left: 44,
    right: 44,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: 7.5,
    color: muted,
    borderTopWidth: 0.5,
    borderTopColor: rule,
    paddingTop: 4,
  },
  signatures: { flexDirection: 'row', justifyContent: 'space-between', marginTop: 28 },
  signature: { width: '46%' },
  signatureLine: { borderBottomWidth: 0.75, borderBottomColor: ink, height: 30 },
  signatureCaption: { fontSize: 8, color: muted, marginTop: 3 },
});

export function venueLine(event: EventFacts): string {
  return [event.venue.name, event.venue.address, event.venue.city, event.venue.country].filter(Boolean).join(', ');
}

export function SheetPage(props: {
  paper: PaperSize;
  title: string;
  event: EventFacts;
  fmt: SheetFormat;
  asOf: Date;
  children: ReactNode;
}) {
  const { event, fmt } = props;
  return (
    <Page size={props.paper} style={styles.page}>
      <View style={styles.header} fixed>
        <View>
          <Text style={styles.organization}>{event.organization.name}</Text>
          <Text style={styles.docTitle}>{props.title}</Text>
          <Text style={styles.eventTitle}>
            {event.title}
            {event.title === event.artistName ? '' : ` · ${event.artistName}`}
          </Text>
        </View>
        <View style={styles.headerRight}>
          <Text style={styles.headerDate}>{fmt.date(event.showDate)}</Text>
          <Text style={styles.headerVenue}>{venueLine(event)}</Text>
          {event.requestReference ? <Text style={styles.headerVenue}>Ref. {event.requestReference}</Text> : null}
        </View>
      </View>
      {props.children}
      <View style={styles.footer} fixed>
        <Text style={{ flex: 1 }}>
          {props.title} · {event.title} · as of {fmt.dateTime(props.asOf)}
        </Text>
        <Text
          style={{ width: 70, textAlign: 'right' }}
          render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
        />
      </View>
    </Page>
  );
}

export function Section(props: { title: string; children: ReactNode; wrap?: boolean }) {
  return (
    <View style={styles.section} wrap={props.wrap ?? true}>
      <Text style={styles.sectionTitle} minPresenceAhead={40}>
        {props.title}
      </Text>
      {props.children}
    </View>
  );
}

export function Facts(props: { rows: ReadonlyArray<readonly [string, string | null | undefined]> }) {
  return (
    <View>
      {props.rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <View key={label} style={styles.factRow} wrap={false}>
            <Text style={styles.factLabel}>{label}</Text>
            <Text style={styles.factValue}>{value}</Text>
          </View>
        ))}
    </View>
  );
}

export interface Column {
  readonly label: string;
  /** a share of the row's width, e.g. 3 of a 3 + 1 + 1 row */
  readonly flex: number;
  readonly align?: 'left' | 'right';
}

export function Table(props: {
  columns: readonly Column[];
  rows: ReadonlyArray<readonly string[]>;
  total?: readonly string[];
  empty?: string;
}) {
  const cell = (column: Column) => [styles.cell, { flex: column.flex, textAlign: column.align ?? 'left' }];
  return (
    <View>
      <View style={styles.tableHead} fixed={false}>
        {props.columns.map((c) => (
          <Text key={c.label} style={cell(c)}>
            {c.label}
          </Text>
        ))}
      </View>
      {props.rows.length === 0 && props.empty ? <Text style={[styles.note, styles.cell]}>{props.empty}</Text> : null}
      {props.rows.map((row, r) => (
        <View key={r} style={styles.tableRow} wrap={false}>
          {props.columns.map((c, i) => (
            <Text key={c.label} style={cell(c)}>
              {row[i] ?? ''}
            </Text>
          ))}
        </View>
      ))}
      {props.total ? (
        <View style={styles.tableTotal} wrap={false}>
          {props.columns.map((c, i) => (
            <Text key={c.label} style={cell(c)}>
              {props.total![i] ?? ''}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export function Signatures(props: { parties: readonly { side: string; name: string | null }[] }) {
  return (
    <View style={styles.signatures} wrap={false}>
      {props.parties.map((p) => (
        <View key={p.side} style={styles.signature}>
          <View style={styles.signatureLine} />
          <Text style={styles.signatureCaption}>
            For {p.side}
            {p.name ? `: ${p.name}` : ''}
          </Text>
          <View style={[styles.signatureLine, { height: 22 }]} />
          <Text style={styles.signatureCaption}>Name, date</Text>
        </View>
      ))}
    </View>
  );
}

export function partyLine(p: {
  name: string;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
}): string {
  return [p.company && p.company !== p.name ? `${p.name} (${p.company})` : p.name, p.email, p.phone]
    .filter(Boolean)
    .join(' · ');
}
