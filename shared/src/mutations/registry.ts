// Every mutation, by name: the one list the desktop plans from and the relay applies from. A const
// object, so that a name is a type (MutationName) and each name has its arguments' type
// (MutationArgs): a screen that names a mutation that does not exist, or passes it the wrong
// arguments, does not compile.
import type { z } from 'zod';
import type { MutationDefinition } from './define.js';
import { checkInAdmit, checkInUndo, checkInWalkUp } from './check-ins.js';
import { eventSendConfirmation } from './confirmation-sends.js';
import { requestConvertToEvent } from './convert-to-event.js';
import { dealTermsSet } from './deal-terms.js';
import { eventUpdate } from './events.js';
import {
  guestEntryAdd,
  guestEntryRemove,
  guestEntryUpdate,
  guestListCreate,
  guestListRemove,
  guestListUpdate,
} from './guest-lists.js';
import { invitationCreate, invitationResend, invitationRevoke } from './invitations.js';
import { memberLeave, memberRemove, memberSetRole } from './members.js';
import { organizationSetLocale } from './organization-locale.js';
import { holdChallenge, holdPlace, holdRelease, holdSetExpiry } from './holds.js';
import { requestSetStatus } from './requests.js';
import { requestSubmit } from './request-submit.js';
import {
  eventSettle,
  settlementLineAdd,
  settlementLineRemove,
  settlementLineReorder,
  settlementLineUpdate,
} from './settlement-lines.js';
import { taskTemplateCreate, taskTemplateRemove, taskTemplateReorder, taskTemplateUpdate } from './task-templates.js';
import { venueArchive, venueCreate, venueUpdate } from './venues.js';
import { taskComplete, taskCreate, taskRemove, taskReopen, taskReorder, taskUpdate } from './tasks.js';

export const mutations = {
  'task.create': taskCreate,
  'task.update': taskUpdate,
  'task.complete': taskComplete,
  'task.reopen': taskReopen,
  'task.reorder': taskReorder,
  'task.remove': taskRemove,
  'event.update': eventUpdate,
  'dealTerms.set': dealTermsSet,
  'request.setStatus': requestSetStatus,
  'request.submit': requestSubmit,
  'hold.place': holdPlace,
  'hold.release': holdRelease,
  'hold.challenge': holdChallenge,
  'hold.setExpiry': holdSetExpiry,
  'request.convertToEvent': requestConvertToEvent,
  'event.sendConfirmation': eventSendConfirmation,
  'taskTemplate.create': taskTemplateCreate,
  'taskTemplate.update': taskTemplateUpdate,
  'taskTemplate.remove': taskTemplateRemove,
  'taskTemplate.reorder': taskTemplateReorder,
  'guestList.create': guestListCreate,
  'guestList.update': guestListUpdate,
  'guestList.remove': guestListRemove,
  'guestEntry.add': guestEntryAdd,
  'guestEntry.update': guestEntryUpdate,
  'guestEntry.remove': guestEntryRemove,
  'checkIn.admit': checkInAdmit,
  'checkIn.walkUp': checkInWalkUp,
  'checkIn.undo': checkInUndo,
  'settlementLine.add': settlementLineAdd,
  'settlementLine.update': settlementLineUpdate,
  'settlementLine.remove': settlementLineRemove,
  'settlementLine.reorder': settlementLineReorder,
  'event.settle': eventSettle,
  'organization.setLocale': organizationSetLocale,
  'venue.create': venueCreate,
  'venue.update': venueUpdate,
  'venue.archive': venueArchive,
  'invitation.create': invitationCreate,
  'invitation.resend': invitationResend,
  'invitation.revoke': invitationRevoke,
  'member.setRole': memberSetRole,
  'member.remove': memberRemove,
  'member.leave': memberLeave,
} as const satisfies Readonly<Record<string, MutationDefinition>>;

export type Mutations = typeof mutations;
export type MutationName = keyof Mutations;
/** a mutation's arguments as a caller passes them, before its schema parses them */
export type MutationArgs<Name extends MutationName> = z.input<Mutations[Name]['args']>;
/** a mutation by name with its arguments: each name paired with its own arguments only */
export type MutationCall = {
  [Name in MutationName]: { readonly name: Name; readonly args: MutationArgs<Name> };
}[MutationName];

export const mutationNames = Object.keys(mutations) as readonly MutationName[];

/** own keys only: a name such as "constructor" is not a mutation */
export const isMutationName = (name: string): name is MutationName => Object.hasOwn(mutations, name);

/** The mutation of a name that came from outside (a device, the outbox), if there is one. */
export function findMutation(name: string): MutationDefinition | undefined {
  return isMutationName(name) ? mutations[name] : undefined;
}
