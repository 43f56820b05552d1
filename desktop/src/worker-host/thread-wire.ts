// The messages between the host thread (Electron's main process, the dev host) and the core's
// worker thread. Each side checks what it receives with these schemas before acting on it:
//
//   host → worker   command {id, name, args}       a command for the core's dispatch
//                   answer {id, value}             what a shell service answered
//                   refusal {id, message}          what a shell service threw
//                   close                          stop sync, close the replica, then exit
//   worker → host   started                        the core is up; commands may go
//                   start-failed {message}         startDesktopApp threw; the worker exits
//                   outcome {id, outcome}          a command's typed Outcome
//                   signal {name, payload}         a push to the screens (command map `signals`)
//                   call {id, service, args}       a shell service the host thread must run
//                   log {message, error?}          the core's log line
//                   closed                         the replica is closed; the worker exits
//
// Command arguments and results are checked by the core's own dispatch, in the worker, once;
// the host checks the command's name before sending it and the Outcome's shape and error when
// it comes back. Every signal's payload is checked against the command map on arrival.
import { z } from 'zod';
import { CommandError, signals, type SignalName } from '../common/command-map.js';
import { ShellServiceName } from './shell-services.js';

const Id = z.number().int().nonnegative();

export const ToWorker = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), id: Id, name: z.string(), args: z.unknown() }),
  z.object({ kind: z.literal('answer'), id: Id, value: z.unknown() }),
  z.object({ kind: z.literal('refusal'), id: Id, message: z.string() }),
  z.object({ kind: z.literal('close') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

const WireOutcome = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: CommandError }),
]);

const signalNames = Object.keys(signals) as [SignalName, ...SignalName[]];

export const FromWorker = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started') }),
  z.object({ kind: z.literal('start-failed'), message: z.string() }),
  z.object({ kind: z.literal('outcome'), id: Id, outcome: WireOutcome }),
  z
    .object({ kind: z.literal('signal'), name: z.enum(signalNames), payload: z.unknown() })
    .superRefine((signal, context) => {
      const checked = signals[signal.name].safeParse(signal.payload);
      if (!checked.success) context.addIssue({ code: 'custom', message: `${signal.name}: ${checked.error.message}` });
    }),
  z.object({ kind: z.literal('call'), id: Id, service: ShellServiceName, args: z.array(z.unknown()) }),
  z.object({ kind: z.literal('log'), message: z.string(), error: z.string().optional() }),
  z.object({ kind: z.literal('closed') }),
]);
export type FromWorker = z.infer<typeof FromWorker>;

/** what the worker is started with (structured-cloned: plain data only) */
export interface CoreWorkerData {
  readonly relayUrl: string;
  readonly dataDir: string;
  readonly deviceName?: string;
  readonly suggestedEmail?: string;
  readonly backoff?: { readonly initialDelay?: number; readonly maxDelay?: number; readonly multiplier?: number };
  readonly uploadBackoff?: { readonly initialMs: number; readonly maxMs: number };
  /** whether the host answers documents.save / documents.open (the Electron shell does) */
  readonly documentFiles: boolean;
  /** the TypeScript entry to load after registering tsx (runs from source only) */
  readonly sourceEntry?: string;
}
