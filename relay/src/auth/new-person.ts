// A person's account, made the first time their address proves itself or asks to: open sign-up
// (SIGN_UP=open) and accepting an invitation. The relay may add people but never change or
// delete one (relay/src/db/privileges.ts): a second sign-up of the same address finds the first.
import type { Queries } from '../db/as-organizations.js';

/** the name a new account starts with, until its person changes it: the address's local part */
export function displayNameOf(email: string): string {
  return email.split('@')[0]!.slice(0, 200) || email.slice(0, 200);
}

/** the person with this address, made now if there is none */
export async function personOf(sql: Pick<Queries, 'unsafe'>, email: string): Promise<string> {
  await sql.unsafe(`INSERT INTO users (email, display_name) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`, [
    email,
    displayNameOf(email),
  ]);
  const [user] = await sql.unsafe<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [email]);
  return user!.id;
}
