// State the core pushes: read once by a command, then kept current by its signal
// (session.get + session.changed, sync.status + sync.status, outbox.counts + outbox.changed). The setter lets a screen apply a
// command's answer at once (a verify returns the new session) without waiting for the signal.
import { useEffect, useState } from 'react';
import type { SignalName, SignalPayload } from '../../../common/command-map.js';
import { useBridge } from './bridge-context.js';

type StateSignal = 'session.changed' | 'sync.status' | 'outbox.changed';
const initialCommand = {
  'session.changed': 'session.get',
  'sync.status': 'sync.status',
  'outbox.changed': 'outbox.counts',
} as const;

export function useSignal<K extends StateSignal & SignalName>(
  signal: K,
): [SignalPayload<K> | undefined, (value: SignalPayload<K>) => void] {
  const bridge = useBridge();
  const [value, setValue] = useState<SignalPayload<K>>();
  useEffect(() => {
    let pushed = false;
    const unsubscribe = bridge.on(signal, (payload) => {
      pushed = true;
      setValue(payload);
    });
    const command: (typeof initialCommand)[StateSignal] = initialCommand[signal];
    void bridge.invoke(command, {}).then((outcome) => {
      // a signal that arrived meanwhile is newer than this answer
      if (outcome.ok && !pushed) setValue(outcome.value as SignalPayload<K>);
    });
    return unsubscribe;
  }, [bridge, signal]);
  return [value, setValue];
}
