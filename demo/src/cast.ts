// The demo's fixed cast: two organizations on one relay, and one person of every role in each
// with an email that is easy to type at sign-in. Lakeshore Live, the demo owner's, runs three
// rooms on three continents (a Chicago promoter with a London and a Melbourne room, as venue
// groups do), so one sign-in shows venue times in three zones side by side. Meridian Halls, with
// a room of its own, shares the relay and shows the tenancy: Lakeshore's people never see it.
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
  /**
   * how busy its calendar is: shows per month in the coming three months (the demo owner's rooms
   * are busy; the other organization's room only needs to exist)
   */
  readonly showsPerMonth: number;
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
        showsPerMonth: 10,
      },
      {
        slug: 'wharf-camden',
        name: 'The Wharf, Camden',
        timezone: 'Europe/London',
        capacity: 1500,
        minAttendance: 250,
        address: '12 Chalk Farm Yard',
        city: 'London',
        country: 'GB',
        currency: 'GBP',
        showsPerMonth: 11,
      },
      {
        slug: 'yarra-theatre',
        name: 'The Yarra Theatre',
        timezone: 'Australia/Melbourne',
        capacity: 3200,
        minAttendance: 600,
        address: '220 Flinders Lane',
        city: 'Melbourne',
        country: 'AU',
        currency: 'AUD',
        showsPerMonth: 9,
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
        slug: 'meridian-melbourne',
        name: 'Meridian Theatre Melbourne',
        timezone: 'Australia/Melbourne',
        capacity: 2200,
        minAttendance: 400,
        address: '48 Brunswick Street',
        city: 'Melbourne',
        country: 'AU',
        currency: 'AUD',
        showsPerMonth: 4,
      },
    ],
    people: [
      { role: 'OWNER', mailbox: 'owner', name: 'Oliver Hartley', phone: '+61 3 5550 4321' },
      { role: 'MANAGER', mailbox: 'manager', name: 'Priya Shah', phone: '+61 3 5550 4388' },
      { role: 'MANAGER', mailbox: 'booking', name: 'Chloe Nguyen', phone: '+61 3 5550 4164' },
      { role: 'STAFF', mailbox: 'staff', name: 'Callum Reid', phone: null },
      { role: 'STAFF', mailbox: 'door', name: 'Mia Thompson', phone: null },
      { role: 'STAFF', mailbox: 'boxoffice', name: "Jack O'Brien", phone: null },
      { role: 'PROMOTER', mailbox: 'promoter', name: 'Hannah Cole', phone: '+61 491 570 412' },
      { role: 'PROMOTER', mailbox: 'agent', name: 'Lucas Byrne', phone: null },
    ],
  },
];

export const demoEmail = (org: DemoOrganization, person: DemoPerson) => `${person.mailbox}@${org.slug}.demo`;
