// The email last used to sign in on this device, kept after signing out, so the sign-in form
// starts with it: on a shared box-office laptop, the next shift types their own; most of the time
// the same person signs in again. An address, not a secret; the file sits beside session.json.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const Stored = z.object({ email: z.string().email().max(320) });

export class LastSignInEmail {
  readonly path: string;

  constructor(readonly dataDir: string) {
    this.path = join(dataDir, 'last-sign-in.json');
  }

  /** undefined when none was kept, or the file cannot be read */
  read(): string | undefined {
    try {
      const parsed = Stored.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data.email : undefined;
    } catch {
      return undefined;
    }
  }

  write(email: string): void {
    const parsed = Stored.safeParse({ email: email.trim().toLowerCase() });
    if (!parsed.success) return;
    mkdirSync(this.dataDir, { recursive: true });
    // written aside and renamed: a crash mid-write leaves the previous file whole
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(parsed.data));
    renameSync(temporary, this.path);
  }
}
