/** @jsxRuntime automatic @jsxImportSource react */
// The advance / day sheet: what the crew and the artist's team need on the day — the schedule,
// the run of show, who to call, what is still open, and the notes.
import { Document, Text } from '@react-pdf/renderer';
import { VENUE_TIME_OF_DAY } from '@promoteros/shared/notes';
import type { DocumentData, Party } from './document-data.js';
import { Facts, Section, SheetPage, Table, styles, venueLine } from './sheet-parts.js';
import { paperFor, sheetFormat } from './sheet-format.js';
import { documentMetadata } from './document-metadata.js';

export function AdvanceSheet({ data }: { data: Extract<DocumentData, { kind: 'ADVANCE' }> }) {
  const { event } = data;
  // the day sheet shows no money: the currency only sets the format's defaults
  const fmt = sheetFormat({ locale: event.organization.locale, timeZone: event.venue.timezone, currency: 'USD' });
  const contacts: Party[] = [
    ...event.venueContacts,
    ...(event.promoter ? [event.promoter] : []),
    ...(event.requester && event.requester.name !== event.promoter?.name ? [event.requester] : []),
  ];
  return (
    <Document {...documentMetadata('Day sheet', event, data.asOf)}>
      <SheetPage paper={paperFor(event.venue.country)} title="Day sheet" event={event} fmt={fmt} asOf={data.asOf}>
        <Section title="Schedule">
          <Facts
            rows={[
              ['Venue', venueLine(event)],
              ['Doors', fmt.time(event.doorsAt)],
              ['Show', fmt.time(event.showAt)],
              ['Ends', fmt.time(event.endsAt)],
              ['Capacity', fmt.count(event.capacity)],
            ]}
          />
          <Text style={styles.note}>All times are the venue's local time ({event.venue.timezone}).</Text>
        </Section>

        <Section title="Run of show">
          <Table
            columns={[
              // the rows are the venue's wall clock on the show's day: the zone once, in the heading
              { label: `Time (${fmt.zoneName(event.showAt)})`, flex: 1.2 },
              { label: 'What', flex: 5 },
            ]}
            rows={data.runOfShow.map((row) => [
              // a row of the shared run of show may have no time yet
              VENUE_TIME_OF_DAY.test(row.at) ? fmt.wallTime(row.at) : row.at,
              row.item,
            ])}
            empty="No run of show yet."
          />
        </Section>

        <Section title="Contacts">
          <Table
            columns={[
              { label: 'Role', flex: 1.2 },
              { label: 'Name', flex: 2.2 },
              { label: 'Email', flex: 3 },
              { label: 'Phone', flex: 1.8 },
            ]}
            rows={contacts.map((c) => [
              c.role,
              c.company && c.company !== c.name ? `${c.name} (${c.company})` : c.name,
              c.email ?? '',
              c.phone ?? '',
            ])}
            empty="No contacts recorded."
          />
        </Section>

        <Section title={`Open tasks (${data.openTasks.length})`}>
          <Table
            columns={[
              { label: 'Task', flex: 4 },
              { label: 'Due', flex: 1.5 },
              { label: 'Assigned to', flex: 2 },
            ]}
            rows={data.openTasks.map((t) => [
              t.title,
              t.dueDate ? fmt.date(t.dueDate, 'short') : '',
              t.assignee ?? 'unassigned',
            ])}
            empty="Every task is done."
          />
        </Section>

        <Section title="Notes">
          <Text>{data.notes || 'No notes.'}</Text>
        </Section>
      </SheetPage>
    </Document>
  );
}
