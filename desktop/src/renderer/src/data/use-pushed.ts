// State the core pushes: read once by a command, then kept current by its event
// (session.get + session.changed, sync.status + sync.status, outbox.counts + outbox.changed). The setter lets a screen apply a
// command's answer at once (a verify returns the new session) without waiting for the event.
import { useEffect, useState } from 'react';
import type { SignalName, SignalPayload } from '../../../common/command-map.js';
import { useBridge } from './bridge-context.js';

type Pushed = 'session.changed' | 'sync.status' | 'outbox.changed';
const initialCommand = {
  'session.changed': 'session.get',
  'sync.status': 'sync.status',
  'outbox.changed': 'outbox.counts',
} as const;

export function usePushed<K extends Pushed & SignalName>(
  event: K,
): [SignalPayload<K> | undefined, (value: SignalPayload<K>) => void] {
  const bridge = useBridge();
  const [value, setValue] = useState<SignalPayload<K>>();
  useEffect(() => {
    let pushed = false;
    const unsubscribe = bridge.on(event, (payload) => {
      pushed = true;
      setValue(payload);
    });
    const command: (typeof initialCommand)[Pushed] = initialCommand[event];
    void bridge.invoke(command, {}).then((outcome) => {
      // an event that arrived meanwhile is newer than this answer
      if (outcome.ok && !pushed) setValue(outcome.value as SignalPayload<K>);
    });
    return unsubscribe;
  }, [bridge, event]);
  return [value, setValue];
}
