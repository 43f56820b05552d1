// The main-process end of the preload bridge: one ipcMain handler that hands every command to
// the core's dispatch (which validates the name, the arguments and the result with the command
// map's zod schemas and answers with an Outcome), and one forwarder that sends every core signal
// to the window. Only frames showing the app's own page may call in.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Outcome } from '../common/command-map.js';
import { INVOKE_CHANNEL, SIGNAL_CHANNEL } from '../common/ipc-channels.js';
import type { DesktopApp } from '../core/app/desktop-app.js';

export interface BridgeOptions {
  readonly app: Pick<DesktopApp, 'dispatch' | 'onAny'>;
  /** the web contents signals go to (the main window, when there is one) */
  readonly target: () => WebContents | undefined;
  /** whether a frame URL is the app's own renderer (file:// of the build, or the dev server) */
  readonly isAppUrl: (url: string) => boolean;
  /** called after a command that succeeded, e.g. to follow the session's relay */
  readonly afterCommand?: (name: string, args: unknown, outcome: Outcome<unknown>) => void;
}

export function serveBridge(options: BridgeOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!options.isAppUrl(frameUrl)) {
      return {
        ok: false,
        error: { code: 'internal', message: `commands are refused from ${frameUrl || 'an unknown frame'}` },
      };
    }
    const outcome = await options.app.dispatch(typeof name === 'string' ? name : String(name), args);
    options.afterCommand?.(String(name), args, outcome);
    return outcome;
  });

  const stopSignals = options.app.onAny((name, payload) => {
    const contents = options.target();
    if (contents && !contents.isDestroyed()) contents.send(SIGNAL_CHANNEL, name, payload);
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    stopSignals();
  };
}
