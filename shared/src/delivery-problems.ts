// What an organization's OWNERs are shown of the mail and documents that did not go out: the
// relay lists them (relay/src/notify/delivery-problems.ts), Settings shows them.
import { z } from 'zod';

/**
 * DEAD: a job given up on (out of attempts, or failed for good); QUEUED: an email whose last try
 * failed while its job still retries; PARTLY_SENT: an email the mail server took for some
 * recipients and refused for others.
 */
export const deliveryProblemStatuses = ['DEAD', 'QUEUED', 'PARTLY_SENT'] as const;
export const DeliveryProblemStatus = z.enum(deliveryProblemStatuses);
export type DeliveryProblemStatus = z.infer<typeof DeliveryProblemStatus>;
