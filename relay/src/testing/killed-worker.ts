// For relay/src/notify/flaky-smtp.test.ts: a relay's job loop in a process of its own, to be killed
// (SIGKILL) in the middle of a job. Runs the email handlers against DATABASE_URL and SMTP_URL with
// a one-second lease until it is killed.
import { openDatabase } from '../db/database.js';
import { emailWorker } from './notify-world.js';

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: '' });
const { worker } = emailWorker(db, process.env.SMTP_URL!, { leaseSeconds: 1, concurrency: 1 });
await worker.start();
process.stdout.write('working\n');
