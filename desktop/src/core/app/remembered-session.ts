// What the app remembers between runs besides the token (which only the CredentialStore holds):
// the relay, who signed in, their organizations and the one last opened. It lets the app open
// the replica and answer reads at start with the relay down.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Account } from './relay-auth.js';

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
    // written aside and renamed: a crash mid-write leaves the previous file whole
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(session, null, 2));
    renameSync(temporary, this.path);
  }

  forget(): void {
    rmSync(this.path, { force: true });
  }
}
