// Debian's Chromium, as Playwright must launch it here: it cannot download a browser of its own,
// and without these flags Chromium reaches for Google's hosts on this closed network.
export const chromiumExecutable = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
