// Every mutation, by name: the one list the desktop plans from and the relay applies from.
import type { MutationDefinition } from './define.js';
import { dealTermsSet } from './deal-terms.js';
import { eventUpdate } from './events.js';
import { holdPlace, holdRelease } from './holds.js';
import { requestSetStatus } from './requests.js';
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
  holdPlace,
  holdRelease,
];

export const mutations: ReadonlyMap<string, MutationDefinition> = new Map(all.map((m) => [m.name, m]));

export function findMutation(name: string): MutationDefinition | undefined {
  return mutations.get(name);
}
