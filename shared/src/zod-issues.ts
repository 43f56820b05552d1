// A zod error in words, each problem starting with the field it is about. Every boundary that
// refuses input says it through these two: the mutation gate on both sides, the desktop's command
// boundary, the relay's request bodies and the intake form.
import type { z } from 'zod';

/** "lines.0.label": where the problem is; empty for the value as a whole */
const fieldOf = (issue: z.core.$ZodIssue): string => issue.path.map(String).join('.');

/** One line per problem, each starting with the field it is about: "capacity: must be at least 1". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = fieldOf(issue);
    return field ? `${field}: ${issue.message}` : issue.message;
  });
}

/**
 * The first problem of each field, keyed by its path (`whole` names the value as a whole): what a
 * form shows next to each field. The first, because a field's first check is the one that says
 * why (text that cannot be stored is refused before its length is counted).
 */
export function problemsByField(error: z.ZodError, whole: string): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of error.issues) problems[issue.path.length > 0 ? fieldOf(issue) : whole] ??= issue.message;
  return problems;
}
