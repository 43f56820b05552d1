// A promoter asks for a date from the app: the same fields and rules as the venue's public
// request page (shared/src/intake), the same rows and jobs, with the promoter's id on the request
// so it shows in their own list. The request's id is made by the device; its reference and its
// first decision-log entry's id are derived from it, so device and relay make the same rows.
import { z } from 'zod';
import { uuid } from '../entities/fields.js';
import { DEFAULT_LOCALE } from '../format/locale.js';
import { always, intakeFieldRules, intakeFieldsShape, venueIssues } from '../intake/intake-fields.js';
import { requestReference } from '../intake/request-reference.js';
import { planRequestSubmission } from '../intake/submission-plan.js';
import { defineMutation, mustGet, RuleViolation } from './define.js';
import { derivedId } from './derived-id.js';

export const requestSubmit = defineMutation({
  name: 'request.submit',
  minimumRole: 'PROMOTER',
  args: z
    .object({ requestId: uuid, venueId: uuid, ...intakeFieldsShape })
    .superRefine((args, ctx) => intakeFieldRules(args, ctx), always),
  subject: (args) => ({ table: 'event_requests', id: args.requestId }),
  describe: (args) => `Request ${args.preferredDate} for ${args.artist}`,
  async plan(args, context, read) {
    const venue = await mustGet(read, 'venues', args.venueId, 'the venue');
    // its messages write numbers as the organization does (the row is there on both sides)
    const organization = await read.get('organizations', context.organizationId);
    const problems = venueIssues(
      args,
      {
        timezone: String(venue.timezone),
        capacity: Number(venue.capacity),
        minAttendance: Number(venue.min_attendance),
        locale: String(organization?.locale ?? DEFAULT_LOCALE),
      },
      new Date(context.at),
    );
    if (problems.length > 0) throw new RuleViolation(problems.map((p) => p.message).join('; '));
    if (await read.get('event_requests', args.requestId)) {
      throw new RuleViolation('a request with this id already exists');
    }
    const reference = requestReference(args.requestId);
    if ((await read.where('event_requests', { reference })).length > 0) {
      throw new RuleViolation(`the reference ${reference} is taken in this organization: send the request again`);
    }
    return planRequestSubmission(
      {
        fields: args,
        venue,
        requestId: args.requestId,
        decisionId: derivedId(args.requestId, 'submitted'),
        promoterUserId: context.userId,
        at: context.at,
        note: 'Submitted in the app',
      },
      read,
    );
  },
});
