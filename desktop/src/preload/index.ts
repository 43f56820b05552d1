// The preload: exposes exactly one object, window.promoteros, implementing DesktopBridge, and
// nothing else. It runs sandboxed (CommonJS, only `electron`'s renderer modules available), so
// it imports nothing at run time but electron and the channel names; validation happens in the
// main process, which checks every command against the command map.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopBridge, SignalName } from '../common/command-map.js';
import { INVOKE_CHANNEL, SIGNAL_CHANNEL } from '../common/ipc-channels.js';

type Listener = (payload: unknown) => void;

// one IPC listener fans signals out by name: screens subscribe many live queries, and an
// emitter with dozens of IPC listeners would warn of a leak
const listeners = new Map<SignalName, Set<Listener>>();
ipcRenderer.on(SIGNAL_CHANNEL, (_event: IpcRendererEvent, name: SignalName, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`a listener of ${name} failed`, error);
    }
  }
});

const bridge: DesktopBridge = {
  invoke: (name, args) => ipcRenderer.invoke(INVOKE_CHANNEL, name, args),
  on(name, listener) {
    // the renderer gets the payload only, never the IPC event (which would expose the sender)
    let named = listeners.get(name);
    if (!named) listeners.set(name, (named = new Set()));
    const added = listener as Listener;
    named.add(added);
    return () => {
      named.delete(added);
    };
  },
};

contextBridge.exposeInMainWorld('promoteros', bridge);
