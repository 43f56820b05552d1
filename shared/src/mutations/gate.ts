// The gate a mutation passes before it is planned: its arguments' problems and a role's refusal,
// in words for the person who made the edit.
import type { z } from 'zod';
import { roleAtLeast, roles, type Role } from '../roles.js';
import { describeIssues } from '../zod-issues.js';
import type { MutationDefinition } from './define.js';

/** The arguments' problems in one sentence; a list of thousands (a huge array) names the first few. */
export function argumentProblems(error: z.ZodError): string {
  const problems = describeIssues(error);
  const shown = problems.slice(0, MAX_PROBLEMS_NAMED).join('; ');
  return problems.length > MAX_PROBLEMS_NAMED ? `${shown}; and ${problems.length - MAX_PROBLEMS_NAMED} more` : shown;
}
const MAX_PROBLEMS_NAMED = 10;

export function forbiddenReason(definition: MutationDefinition, args: unknown, role: Role): string {
  const may = roles.filter((r) => roleAtLeast(r, definition.minimumRole));
  const what = definition.describe(args);
  const listed = may.length > 1 ? `${may.slice(0, -1).join(', ')} or ${may.at(-1)}` : may[0];
  return `only ${listed} may ${what.charAt(0).toLowerCase()}${what.slice(1)}; your role here is ${role}`;
}
