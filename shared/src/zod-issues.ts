// A zod error in words, each problem starting with the field it is about.
import type { z } from 'zod';

/** One line per problem, each starting with the field it is about: "capacity: must be at least 1". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
}
