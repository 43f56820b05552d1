// The relay half of `npm start` (desktop/src/launch/start-with-relay.ts starts this, then the
// desktop app): the relay on its embedded database, handed the demo to load on its first start
// (seed-if-empty.ts), its log split between a file and the terminal (development-log.ts), and a
// sign-in code for the demo owner. Started by `npm start`, it hands the start-up facts to it over the IPC channel, and
// `npm start` prints them with the desktop app's address; alone (`npm run start -w demo`), it
// prints them itself. Sign-in codes asked for later are printed as they come.
import { serve, type UnmailedSignInCode } from '@promoteros/relay';
import { developmentLog, type DevelopmentLog } from './development-log.js';
import { seedDemoIfEmpty } from './seed-if-empty.js';
import { formatStartUpBlock } from './start-up-block.js';
import { gatherStartUpFacts, type RelayStarted } from './start-up-facts.js';

let log: DevelopmentLog | undefined;
let startingUp = true;
const heldForStartUp: UnmailedSignInCode[] = [];

const relay = await serve({ LOG_LEVEL: 'info', ...process.env }, (config) => {
  log = developmentLog(config);
  return {
    ...(log ? { logStream: log.stream } : {}),
    seed: (db, relayLog) => seedDemoIfEmpty(db, config, relayLog),
    signInCodes: (sent) => {
      // the owner's first code belongs in the start-up block; every later one is shown as it comes
      if (startingUp) heldForStartUp.push(sent);
      else console.log(`Sign-in code for ${sent.email}: ${sent.code} (valid ${sent.validMinutes} minutes)`);
    },
  };
});

const facts = await gatherStartUpFacts(relay, {
  ...(log ? { logFile: log.file } : {}),
  unmailedCode: (email) => heldForStartUp.find((sent) => sent.email === email),
});
startingUp = false;
for (const sent of heldForStartUp.filter((held) => held.email !== facts.owner.email)) {
  console.log(`Sign-in code for ${sent.email}: ${sent.code} (valid ${sent.validMinutes} minutes)`);
}

if (process.send) {
  process.send({ type: 'relay-started', facts } satisfies RelayStarted);
} else {
  console.log(formatStartUpBlock(facts, { kind: 'not-started', why: 'this command runs the relay alone' }));
}
