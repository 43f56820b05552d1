// An edit as the gate passes it, for tests that record straight into the outbox's tables
// (recordEdit) without an Outbox in front.
import { mutations, type MutationArgs, type MutationDefinition, type MutationName } from '@promoteros/shared/mutations';
import type { PassedEdit } from '../outbox/record-edit.js';

export function passedEdit<Name extends MutationName>(name: Name, sent: MutationArgs<Name>): PassedEdit {
  const definition: MutationDefinition = mutations[name];
  return { definition, sent, args: definition.args.parse(sent) };
}
