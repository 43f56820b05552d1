// What the app remembers between runs besides the token (which only the CredentialStore holds):
// the relay, who signed in, their organizations and the one last opened. It lets the app open
// the replica and answer reads at start with the relay down.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Account } from './relay-auth.js';
import { writeFileDurably } from '../journal/durable-files.js';

export const RememberedSession = Account.extend({
  relayUrl: z.string(),
  organizationId: z.string().nullable(),
});
export type RememberedSession = z.infer<typeof RememberedSession>;

export class RememberedSessionFile {
  readonly path: string;

  constructor(readonly dataDir: string) {
    this.path = join(dataDir, 'session.json');
  }

  /** undefined when there is none, or it cannot be read (then the member signs in again) */
  read(): RememberedSession | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed = RememberedSession.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  write(session: RememberedSession): void {
    mkdirSync(this.dataDir, { recursive: true });
    // written aside, fsync'd and renamed: a crash or a power cut mid-write leaves the previous file whole
    writeFileDurably(this.path, JSON.stringify(session, null, 2));
  }

  forget(): void {
    rmSync(this.path, { force: true });
  }
}
