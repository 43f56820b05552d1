// The two IPC channels between the Electron main process and the preload: commands go in as
// ipcRenderer.invoke(INVOKE, name, args) and come back as an Outcome; events go out as
// webContents.send(EVENT, name, payload). Named once here so both sides agree.
export const INVOKE_CHANNEL = 'promoteros:invoke';
export const EVENT_CHANNEL = 'promoteros:event';
