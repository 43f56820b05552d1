// The signals the app service pushes (command map `signals`), to listeners of one signal or of all.
import type { SignalName, SignalPayload } from '../../common/command-map.js';

export type AnySignalListener = <K extends SignalName>(name: K, payload: SignalPayload<K>) => void;

export class AppSignals {
  readonly #byName = new Map<SignalName, Set<(payload: never) => void>>();
  readonly #any = new Set<AnySignalListener>();

  on<K extends SignalName>(name: K, listener: (payload: SignalPayload<K>) => void): () => void {
    let set = this.#byName.get(name);
    if (!set) this.#byName.set(name, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** every signal, e.g. to forward them to a window or a WebSocket */
  onAny(listener: AnySignalListener): () => void {
    this.#any.add(listener);
    return () => this.#any.delete(listener);
  }

  emit<K extends SignalName>(name: K, payload: SignalPayload<K>): void {
    for (const listener of this.#byName.get(name) ?? []) {
      try {
        (listener as (payload: SignalPayload<K>) => void)(payload);
      } catch {
        // a broken listener must not stop the others, nor the command that emitted
      }
    }
    for (const listener of this.#any) {
      try {
        listener(name, payload);
      } catch {
        // as above
      }
    }
  }
}
