// Word lists that make the demo read like a real venue's calendar.
import type { SeededRandom } from './random.js';

const firstNames = [
  'Alex',
  'Jordan',
  'Taylor',
  'Morgan',
  'Casey',
  'Jamie',
  'Riley',
  'Avery',
  'Quinn',
  'Harper',
  'Daniel',
  'Sophie',
  'Marcus',
  'Elena',
  'Noah',
  'Grace',
  'Omar',
  'Isabel',
  'Theo',
  'Nina',
  'Liam',
  'Zara',
  'Ethan',
  'Chloe',
  'Mateo',
  'Ava',
  'Ben',
  'Freya',
  'Diego',
  'Ruby',
  'Kofi',
  'Ingrid',
  'Hugo',
  'Maya',
  'Felix',
  'Leah',
  'Ravi',
  'Clara',
  'Sean',
  'Tessa',
];

const lastNames = [
  'Walsh',
  'Okafor',
  'Lindqvist',
  'Moreno',
  'Fischer',
  'Nakamura',
  'Brooks',
  'Haddad',
  'Kowalski',
  'Sullivan',
  'Achebe',
  'Larsen',
  'Romero',
  'Chen',
  'Dubois',
  'Murphy',
  'Singh',
  'Novak',
  'Reyes',
  'Campbell',
  'Adeyemi',
  'Berg',
  'Costa',
  'Fitzgerald',
  'Ivanova',
  'Jensen',
  'Kim',
  'Lopez',
  'Mensah',
  'Price',
];

const companies = [
  'Northside Agency',
  'Bright Lights Booking',
  'Wavelength Artists',
  'Parallel Lines Mgmt',
  'Red Door Presents',
  'Sound & Vision Touring',
  'Harbour Talent',
  'Backline Booking Co.',
  'Open Road Artists',
  'Kestrel Live',
  'Midnight Oil Agency',
  'Saltwater Management',
  'Tall Poppy Touring',
  'Crosstown Concerts',
  'Blue Hour Artists',
];

export const adjectives = [
  'Velvet',
  'Neon',
  'Silver',
  'Paper',
  'Hollow',
  'Golden',
  'Electric',
  'Quiet',
  'Wild',
  'Broken',
  'Midnight',
  'Crimson',
  'Glass',
  'Northern',
  'Lucky',
  'Static',
  'Lonesome',
  'Burning',
  'Wooden',
  'Satellite',
];

export const nouns = [
  'Harbours',
  'Foxes',
  'Lanterns',
  'Pilots',
  'Orchards',
  'Rivers',
  'Ghosts',
  'Comets',
  'Saints',
  'Wolves',
  'Tides',
  'Parade',
  'Engines',
  'Swallows',
  'Echoes',
  'Kites',
  'Horses',
  'Hearts',
  'Arcades',
  'Giants',
];

const singleWords = [
  'Loma',
  'Vesper',
  'Kairo',
  'Nadia Rae',
  'SOLACE',
  'Tamsin',
  'Ozymandias',
  'Juniper',
  'Mercy Lane',
  'Halcyon',
];

const showTitles = [
  'Live',
  'Album Release Show',
  'World Tour',
  'In Concert',
  'Headline Show',
  'An Evening With',
  'Farewell Tour',
  'Anniversary Show',
  'Winter Tour',
  'Summer Tour',
  'Club Night',
  'Two-Night Stand',
];

export const genreTags = [
  'indie',
  'rock',
  'hip-hop',
  'electronic',
  'folk',
  'jazz',
  'metal',
  'pop',
  'r&b',
  'country',
  'punk',
  'soul',
  'comedy',
];

export const techNeeds = [
  'Full backline except drums; 2 x wedges per vocal; house lighting rig is fine.',
  'Bringing own FOH engineer and lighting desk; need 32 channels at FOH.',
  'Seated configuration for the first 10 rows; piano tuned to A440 on the day.',
  'DJ booth centre stage, 4 x CDJ-3000 + DJM-V10, haze allowed.',
  'Projector and screen for visuals; stage left riser 8x8.',
];

export const dealNotes = [
  'Looking for a versus deal, 85/15 after expenses.',
  'Flat guarantee preferred; artist covers their own production.',
  'Open to a door split; merch 80/20 in favour of the artist.',
  'Guarantee plus bonus at sell-out.',
];

export const declineReasons = [
  'Date already confirmed for another show.',
  'Projected draw is below our minimum for a weekend.',
  'Budget does not cover the house nut.',
  'Genre does not fit the room that week.',
  'Curfew conflict with the neighbourhood agreement.',
];

export const personName = (r: SeededRandom) => `${r.pick(firstNames)} ${r.pick(lastNames)}`;

export const companyName = (r: SeededRandom) => r.pick(companies);

export function artistName(r: SeededRandom): string {
  const form = r.int(0, 3);
  if (form === 0) return `The ${r.pick(adjectives)} ${r.pick(nouns)}`;
  if (form === 1) return `${r.pick(adjectives)} ${r.pick(nouns)}`;
  if (form === 2) return `${r.pick(firstNames)} ${r.pick(lastNames)}`;
  return `${r.pick(singleWords)}${r.chance(0.5) ? '' : ` & the ${r.pick(nouns)}`}`;
}

export function eventTitle(r: SeededRandom, artist: string, year: number): string {
  const title = r.pick(showTitles);
  if (title === 'An Evening With') return `An Evening With ${artist}`;
  if (title.endsWith('Tour')) return `${artist} — ${title} ${year}`;
  return `${artist} — ${title}`;
}

export const emailOf = (name: string, domain: string) =>
  `${name
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')}@${domain}`;
