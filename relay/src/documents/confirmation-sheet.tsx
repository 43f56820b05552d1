/** @jsxRuntime automatic @jsxImportSource react */
// The event confirmation: who agreed to what, where and when. Sent with the "event confirmed"
// email and signed by both sides.
import { Document, Text, View } from '@react-pdf/renderer';
import type { DocumentData } from './document-data.js';
import { dealFigures, dealInWords } from './deal-in-words.js';
import { Facts, Section, SheetPage, Signatures, partyLine, styles, venueLine } from './sheet-parts.js';
import { paperFor, sheetFormat } from './sheet-format.js';
import { documentMetadata } from './document-metadata.js';

export function ConfirmationSheet({ data }: { data: Extract<DocumentData, { kind: 'CONFIRMATION' }> }) {
  const { event, deal } = data;
  const fmt = sheetFormat({
    locale: event.organization.locale,
    timeZone: event.venue.timezone,
    currency: deal?.currency ?? 'USD',
  });
  return (
    <Document {...documentMetadata('Event confirmation', event, data.asOf)}>
      <SheetPage
        paper={paperFor(event.venue.country)}
        title="Event confirmation"
        event={event}
        fmt={fmt}
        asOf={data.asOf}
      >
        <View style={styles.callout}>
          <Text style={styles.calloutText}>
            {event.organization.name} confirms <Text style={styles.bold}>{event.artistName}</Text> at{' '}
            <Text style={styles.bold}>{event.venue.name}</Text> on{' '}
            <Text style={styles.bold}>{fmt.date(event.showDate)}</Text>
            {event.status === 'CANCELLED' ? ' — this event has been CANCELLED.' : '.'}
          </Text>
        </View>

        <Section title="Parties">
          <Facts
            rows={[
              ['Organization', [event.organization.name, event.organization.emailFrom].filter(Boolean).join(' · ')],
              ['Venue', venueLine(event)],
              ['Promoter', event.promoter ? partyLine(event.promoter) : 'not named'],
              [
                'Requested by',
                event.requester && event.requester.name !== event.promoter?.name ? partyLine(event.requester) : null,
              ],
              ['Artist', event.artistName],
            ]}
          />
        </Section>

        <Section title="Date and times">
          <Facts
            rows={[
              ['Date', fmt.date(event.showDate)],
              ['Doors', fmt.time(event.doorsAt)],
              ['Show', fmt.time(event.showAt)],
              ['Ends', fmt.time(event.endsAt)],
              ['Capacity', fmt.count(event.capacity)],
            ]}
          />
          <Text style={styles.note}>All times are the venue's local time ({event.venue.timezone}).</Text>
        </Section>

        <Section title="Deal terms">
          {deal ? (
            <View>
              {dealInWords(deal, fmt).map((sentence) => (
                <Text key={sentence} style={styles.paragraph}>
                  {sentence}
                </Text>
              ))}
              <View style={{ marginTop: 4 }}>
                <Facts rows={dealFigures(deal, fmt)} />
              </View>
              {deal.notes ? <Text style={styles.note}>Notes: {deal.notes}</Text> : null}
            </View>
          ) : (
            <Text>The deal terms are still to be agreed; they will follow in a revised confirmation.</Text>
          )}
        </Section>

        <Signatures
          parties={[
            { side: event.organization.name, name: event.venueContacts[0]?.name ?? null },
            { side: 'the promoter', name: event.promoter?.name ?? null },
          ]}
        />
      </SheetPage>
    </Document>
  );
}
