// The words people read for the codes the data keeps (SCHEDULED, WILL_CALL, MANAGER): one map,
// so the app, its search, emails and documents never disagree on what a status is called and no
// screen shows a raw code.
import type { EventStatus, HoldStatus, RequestStatus } from './entities/booking.js';
import type { Role } from './roles.js';

const requestStatusLabels: Record<RequestStatus, string> = {
  NEW: 'New',
  REVIEW: 'In review',
  APPROVED: 'Approved',
  DECLINED: 'Declined',
  SCHEDULED: 'Scheduled',
  WITHDRAWN: 'Withdrawn',
};

const eventStatusLabels: Record<EventStatus, string> = {
  DRAFT: 'Draft',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
  SETTLED: 'Settled',
};

const holdStatusLabels: Record<HoldStatus, string> = {
  ACTIVE: 'Held',
  RELEASED: 'Released',
  CONVERTED: 'Became the event',
  EXPIRED: 'Expired',
};

const roleLabels: Record<Role, string> = {
  OWNER: 'Owner',
  MANAGER: 'Manager',
  STAFF: 'Staff',
  PROMOTER: 'Promoter',
};

const byKind = {
  request: requestStatusLabels,
  event: eventStatusLabels,
  hold: holdStatusLabels,
} as const;

/** "WILL_CALL" → "Will call": a code no map knows yet still reads as words, never as a code */
function plainWords(code: string): string {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A status for people. With its kind when known (a hold's ACTIVE is "Held"); without, the first
 * map that knows the code (event and request statuses never share a code with another meaning).
 */
export function statusLabel(status: string, kind?: keyof typeof byKind): string {
  const maps = kind ? [byKind[kind]] : [requestStatusLabels, eventStatusLabels, holdStatusLabels];
  for (const map of maps) {
    const label = (map as Record<string, string>)[status];
    if (label) return label;
  }
  return plainWords(status);
}

export function roleLabel(role: string): string {
  return (roleLabels as Record<string, string>)[role] ?? plainWords(role);
}
