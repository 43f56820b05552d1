// Emails on /metrics, by kind (the job's kind, or sign-in: relay/src/auth/sign-in-delivery.ts):
// accepted by the SMTP server, and failed (temporary: tried again later; permanent: given up at
// once, the job DEAD, see smtp-failure.ts).
import { Counter, type Registry } from 'prom-client';

export class EmailMetrics {
  readonly sent: Counter<'kind'>;
  readonly failed: Counter<'kind' | 'failure'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.sent = new Counter({
      name: 'promoteros_emails_sent_total',
      help: 'Emails the SMTP server accepted, by kind (the job kind, or sign-in)',
      labelNames: ['kind'],
      registers,
    });
    this.failed = new Counter({
      name: 'promoteros_emails_failed_total',
      help: 'Email tries that failed, by kind and failure (temporary: tried again; permanent: given up)',
      labelNames: ['kind', 'failure'],
      registers,
    });
  }
}
