// Which door laptop made a check-in, kept with each one so a manager reading a flagged
// entry sees "door-3f2a at 21:04" and "door-91c0 at 21:05". Chosen once per installation and
// kept in the window's storage; a short name people can read off the screen, not a secret.
const key = 'promoteros.doorDevice';

export function doorDeviceId(storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): string {
  const known = storage.getItem(key);
  if (known) return known;
  const made = `door-${crypto.randomUUID().slice(0, 4)}`;
  storage.setItem(key, made);
  return made;
}
