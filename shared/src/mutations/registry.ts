// Every mutation, by name: the one list the desktop plans from and the relay applies from.
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
import { taskComplete, taskCreate, taskRemove, taskReopen, taskReorder, taskUpdate } from './tasks.js';

const all: readonly MutationDefinition[] = [
  taskCreate,
  taskUpdate,
  taskComplete,
  taskReopen,
  taskReorder,
  taskRemove,
  eventUpdate,
  dealTermsSet,
  requestSetStatus,
  requestSubmit,
  holdPlace,
  holdRelease,
  holdChallenge,
  holdSetExpiry,
  requestConvertToEvent,
  eventSendConfirmation,
  taskTemplateCreate,
  taskTemplateUpdate,
  taskTemplateRemove,
  taskTemplateReorder,
  guestListCreate,
  guestListUpdate,
  guestListRemove,
  guestEntryAdd,
  guestEntryUpdate,
  guestEntryRemove,
  checkInAdmit,
  checkInWalkUp,
  checkInUndo,
  settlementLineAdd,
  settlementLineUpdate,
  settlementLineRemove,
  settlementLineReorder,
  eventSettle,
  organizationSetLocale,
];

export const mutations: ReadonlyMap<string, MutationDefinition> = new Map(all.map((m) => [m.name, m]));

export function findMutation(name: string): MutationDefinition | undefined {
  return mutations.get(name);
}
