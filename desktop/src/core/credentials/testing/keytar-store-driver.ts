// Drives keytar stores from another process: the keytar test starts this script inside its own
// D-Bus session with a fresh gnome-keyring (or with no session bus at all) and sends one JSON
// request per line on stdin; each answer is one JSON line on stdout. The store code under test
// is the real one, talking to a real keychain.
//
//   → {"id":1,"op":"set","relayUrl":"http://a","token":"…"}
//   ← {"id":1,"ok":true,"value":null}
//   ← {"id":2,"ok":false,"error":{"name":"CredentialStoreUnavailable","store":"keytar","message":"…"}}
import { createInterface } from 'node:readline';
import { isCredentialStoreUnavailable } from '../credential-store-unavailable.js';
import { createKeytarStore } from '../keytar-store.js';

interface DriverRequest {
  id: number;
  op: 'get' | 'set' | 'delete';
  relayUrl: string;
  token?: string;
  service?: string;
}

async function answer(request: DriverRequest): Promise<unknown> {
  const store = createKeytarStore({ relayUrl: request.relayUrl, service: request.service });
  switch (request.op) {
    case 'get':
      return store.get();
    case 'set':
      return store.set(request.token ?? '');
    case 'delete':
      return store.delete();
  }
}

const lines = createInterface({ input: process.stdin });
process.stdout.write(JSON.stringify({ ready: true }) + '\n');
for await (const line of lines) {
  const request = JSON.parse(line) as DriverRequest;
  let reply: unknown;
  try {
    reply = { id: request.id, ok: true, value: (await answer(request)) ?? null };
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      error: isCredentialStoreUnavailable(error)
        ? { name: error.name, store: error.store, message: error.message }
        : { name: 'Error', message: String(error) },
    };
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
}
