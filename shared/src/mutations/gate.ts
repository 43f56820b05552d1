// The gate a mutation passes before it is planned, one function for both sides: the device runs it
// before it queues an edit (with the role it knows its member has), the relay before it applies
// one (with the role read in the batch's transaction). So a device refuses at once, in the relay's
// words, what the relay would refuse, and the person reads the same reason either way.
//
// The arguments are parsed here, once: what passes goes on to the plan as the parsed value.
// Finding the mutation by its name is each side's own (the relay's words say its version may be
// older than the app's), as is what comes after the gate (the relay's refused dependencies).
import type { z } from 'zod';
import { roleAtLeast, roles, type Role } from '../roles.js';
import { describeIssues, problemsByField } from '../zod-issues.js';
import type { MutationDefinition } from './define.js';

export type GateRefusalCode = 'invalid_arguments' | 'forbidden';

export type GateAnswer<Args> =
  | {
      readonly passed: true;
      /** the arguments as the mutation's schema parsed them: what its plan reads */
      readonly args: Args;
      /** the role it passed with */
      readonly role: Role;
    }
  | {
      readonly passed: false;
      readonly code: GateRefusalCode;
      /** in words for the person who made the edit */
      readonly reason: string;
      /** invalid_arguments: the first problem of each argument, for a form to show next to it */
      readonly details?: Record<string, string>;
    };

/**
 * Valid arguments first (the refusal of a role names what the edit was, which only valid
 * arguments can say), then a member, then a role that reaches the mutation's minimum.
 */
export function gateMutation<Args extends z.ZodType>(
  definition: MutationDefinition<Args>,
  sent: unknown,
  /** undefined: not a member of the organization */
  role: Role | undefined,
): GateAnswer<z.output<Args>> {
  const parsed = definition.args.safeParse(sent);
  if (!parsed.success) {
    return {
      passed: false,
      code: 'invalid_arguments',
      reason: argumentProblems(parsed.error),
      details: problemsByField(parsed.error, '(arguments)'),
    };
  }
  if (!role) return { passed: false, code: 'forbidden', reason: 'you are not a member of this organization' };
  if (!roleAtLeast(role, definition.minimumRole)) {
    return { passed: false, code: 'forbidden', reason: forbiddenReason(definition, parsed.data, role) };
  }
  const refused = definition.refuseRole?.(parsed.data, role);
  if (refused) return { passed: false, code: 'forbidden', reason: refused };
  return { passed: true, args: parsed.data, role };
}

/** The arguments' problems in one sentence; a list of thousands (a huge array) names the first few. */
function argumentProblems(error: z.ZodError): string {
  const problems = describeIssues(error);
  const shown = problems.slice(0, MAX_PROBLEMS_NAMED).join('; ');
  return problems.length > MAX_PROBLEMS_NAMED ? `${shown}; and ${problems.length - MAX_PROBLEMS_NAMED} more` : shown;
}
const MAX_PROBLEMS_NAMED = 10;

function forbiddenReason<Args extends z.ZodType>(
  definition: MutationDefinition<Args>,
  args: z.output<Args>,
  role: Role,
): string {
  const may = roles.filter((r) => roleAtLeast(r, definition.minimumRole));
  const what = definition.describe(args);
  const listed = may.length > 1 ? `${may.slice(0, -1).join(', ')} or ${may.at(-1)}` : may[0];
  return `only ${listed} may ${what.charAt(0).toLowerCase()}${what.slice(1)}; your role here is ${role}`;
}
