// The demo's fixed cast: two organizations, three venues on three continents, and one person
// of every role in each organization with an email that is easy to type at sign-in.
import type { Role } from '@promoteros/shared';

export interface DemoVenue {
  readonly slug: string;
  readonly name: string;
  readonly timezone: string;
  readonly capacity: number;
  readonly minAttendance: number;
  readonly address: string;
  readonly city: string;
  readonly country: string;
  readonly currency: string;
}

export interface DemoPerson {
  readonly role: Role;
  /** the part before @<org-slug>.demo */
  readonly mailbox: string;
  readonly name: string;
  readonly phone: string | null;
}

export interface DemoOrganization {
  readonly slug: string;
  readonly name: string;
  readonly venues: readonly DemoVenue[];
  readonly people: readonly DemoPerson[];
}

export const demoOrganizations: readonly DemoOrganization[] = [
  {
    slug: 'lakeshore-live',
    name: 'Lakeshore Live',
    venues: [
      {
        slug: 'lakeshore-ballroom',
        name: 'The Lakeshore Ballroom',
        timezone: 'America/Chicago',
        capacity: 2500,
        minAttendance: 400,
        address: '1840 N Lakeview Ave',
        city: 'Chicago',
        country: 'US',
        currency: 'USD',
      },
    ],
    people: [
      { role: 'OWNER', mailbox: 'owner', name: 'Maria Delgado', phone: '+1 312 555 0142' },
      { role: 'MANAGER', mailbox: 'manager', name: 'Tom Brennan', phone: '+1 312 555 0177' },
      { role: 'MANAGER', mailbox: 'booking', name: 'Aisha Patel', phone: null },
      { role: 'STAFF', mailbox: 'staff', name: "Kevin O'Malley", phone: '+1 312 555 0190' },
      { role: 'STAFF', mailbox: 'door', name: 'Rosa Jimenez', phone: null },
      { role: 'STAFF', mailbox: 'boxoffice', name: 'Jamal Carter', phone: null },
      { role: 'PROMOTER', mailbox: 'promoter', name: 'Sam Whitaker', phone: '+1 773 555 0118' },
      { role: 'PROMOTER', mailbox: 'agent', name: 'Lena Park', phone: null },
    ],
  },
  {
    slug: 'meridian-halls',
    name: 'Meridian Halls',
    venues: [
      {
        slug: 'meridian-camden',
        name: 'The Meridian, Camden',
        timezone: 'Europe/London',
        capacity: 1500,
        minAttendance: 250,
        address: '12 Chalk Farm Yard',
        city: 'London',
        country: 'GB',
        currency: 'GBP',
      },
      {
        slug: 'meridian-melbourne',
        name: 'Meridian Theatre Melbourne',
        timezone: 'Australia/Melbourne',
        capacity: 3200,
        minAttendance: 600,
        address: '220 Flinders Lane',
        city: 'Melbourne',
        country: 'AU',
        currency: 'AUD',
      },
    ],
    people: [
      { role: 'OWNER', mailbox: 'owner', name: 'Oliver Hartley', phone: '+44 20 7946 0321' },
      { role: 'MANAGER', mailbox: 'manager', name: 'Priya Shah', phone: '+44 20 7946 0388' },
      { role: 'MANAGER', mailbox: 'booking', name: 'Chloe Nguyen', phone: '+61 3 9555 0164' },
      { role: 'STAFF', mailbox: 'staff', name: 'Callum Reid', phone: null },
      { role: 'STAFF', mailbox: 'door', name: 'Mia Thompson', phone: null },
      { role: 'STAFF', mailbox: 'boxoffice', name: "Jack O'Brien", phone: null },
      { role: 'PROMOTER', mailbox: 'promoter', name: 'Hannah Cole', phone: '+44 7700 900412' },
      { role: 'PROMOTER', mailbox: 'agent', name: 'Lucas Byrne', phone: null },
    ],
  },
];

export const demoEmail = (org: DemoOrganization, person: DemoPerson) => `${person.mailbox}@${org.slug}.demo`;
