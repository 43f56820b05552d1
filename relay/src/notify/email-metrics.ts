// Emails on /metrics, by job kind: accepted by the SMTP server, and failed (temporary: retried
// later; permanent: the job went DEAD at once, see smtp-failure.ts).
import { Counter, type Registry } from 'prom-client';

export class EmailMetrics {
  readonly sent: Counter<'kind'>;
  readonly failed: Counter<'kind' | 'failure'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.sent = new Counter({
      name: 'promoteros_emails_sent_total',
      help: 'Emails the SMTP server accepted, by job kind',
      labelNames: ['kind'],
      registers,
    });
    this.failed = new Counter({
      name: 'promoteros_emails_failed_total',
      help: 'Email tries that failed, by job kind and failure (temporary: retried; permanent: job DEAD)',
      labelNames: ['kind', 'failure'],
      registers,
    });
  }
}
