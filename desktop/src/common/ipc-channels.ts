// The two IPC channels between the Electron main process and the preload: commands go in as
// ipcRenderer.invoke(INVOKE, name, args) and come back as an Outcome; signals go out as
// webContents.send(SIGNAL, name, payload). Named once here so both sides agree.
export const INVOKE_CHANNEL = 'promoteros:invoke';
export const SIGNAL_CHANNEL = 'promoteros:signal';
