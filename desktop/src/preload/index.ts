// The preload: exposes exactly one object, window.promoteros, implementing DesktopBridge, and
// nothing else. It runs sandboxed (CommonJS, only `electron`'s renderer modules available), so
// it imports nothing at run time but electron and the channel names; validation happens in the
// main process, which checks every command against the command map.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopBridge, EventName } from '../common/command-map.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../common/ipc-channels.js';

const bridge: DesktopBridge = {
  invoke: (name, args) => ipcRenderer.invoke(INVOKE_CHANNEL, name, args),
  on(name, listener) {
    // the renderer gets the payload only, never the IPC event (which would expose the sender)
    const forward = (_event: IpcRendererEvent, eventName: EventName, payload: unknown) => {
      if (eventName === name) (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('promoteros', bridge);
