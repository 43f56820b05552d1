// Every change a member makes goes through the open organization's outbox: shown at once,
// uploaded in order, and brought back with the relay's reason if it is refused (../../outbox).
import type { CommandHandlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import { CommandFailure } from '../command-failure.js';
import { EditRefused, type Outbox } from '../../outbox/index.js';

type EditCommands = Pick<
  CommandHandlers,
  'mutation.run' | 'outbox.counts' | 'outbox.needsAttention' | 'outbox.retry' | 'outbox.discard' | 'outbox.recovery'
>;

export function editHandlers(ctx: AppContext): EditCommands {
  /** an outbox command on the open organization, its refusals as command errors */
  async function editing<T>(work: (outbox: Outbox) => Promise<T>): Promise<T> {
    const { outbox } = ctx.reading();
    try {
      return await work(outbox);
    } catch (error) {
      if (!(error instanceof EditRefused)) throw error;
      const code = error.code === 'unknown_mutation' ? 'invalid_arguments' : error.code;
      throw new CommandFailure(code, error.message, error.details);
    }
  }

  return {
    'mutation.run': ({ name, args }) => editing((outbox) => outbox.run(name, args)),
    'outbox.counts': () => editing((outbox) => outbox.counts()),
    'outbox.needsAttention': () => editing((outbox) => outbox.needsAttention()),
    'outbox.retry': ({ mutationId, args }) => editing((outbox) => outbox.retry(mutationId, args)),
    'outbox.discard': ({ mutationId }) => editing(async (outbox) => (await outbox.discard(mutationId), {})),
    'outbox.recovery': async () => ctx.reading().recovery ?? null,
  };
}
