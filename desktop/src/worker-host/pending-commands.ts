// The commands sent to the core's thread and not answered yet. Each is answered exactly once: by
// its outcome, or, when the thread dies or the app closes, at once with an `internal` error
// saying so, never left waiting.
import type { CommandError, Outcome } from '../common/command-map.js';

export const failure = (code: CommandError['code'], message: string): Outcome<never> => ({
  ok: false,
  error: { code, message },
});

export class PendingCommands {
  readonly #waiting = new Map<number, { name: string; resolve: (outcome: Outcome<unknown>) => void }>();
  #nextId = 0;

  /** a new command's id, and its outcome once it comes */
  add(name: string): { id: number; answered: Promise<Outcome<unknown>> } {
    const id = this.#nextId++;
    const answered = new Promise<Outcome<unknown>>((resolve) => this.#waiting.set(id, { name, resolve }));
    return { id, answered };
  }

  settle(id: number, outcome: Outcome<unknown>): void {
    const waiting = this.#waiting.get(id);
    this.#waiting.delete(id);
    waiting?.resolve(outcome);
  }

  /** every command still waiting, answered with the reason it never will be */
  failAll(message: string): void {
    for (const [id, { name }] of this.#waiting) this.settle(id, failure('internal', `${name}: ${message}`));
  }

  /** an outcome that broke the wire still answers its command, as an internal error */
  answerRefused(raw: unknown): void {
    const { kind, id } = (raw ?? {}) as { kind?: unknown; id?: unknown };
    if (kind === 'outcome' && typeof id === 'number') {
      const name = this.#waiting.get(id)?.name ?? 'the command';
      this.settle(id, failure('internal', `${name} was answered in a form the app does not expect`));
    }
  }
}
