// Writes a JSON array of pre-serialised messages to a response stream, respecting
// back-pressure, and gives up cleanly when the client goes away mid-stream.
import { PassThrough } from 'node:stream';

export class ClientGoneError extends Error {
  override name = 'ClientGoneError';
}

export class JsonArrayWriter {
  readonly stream = new PassThrough();
  #count = 0;

  get count(): number {
    return this.#count;
  }

  async writeAll(items: readonly string[]): Promise<void> {
    if (items.length === 0) return;
    const chunk = (this.#count === 0 ? '[' : ',') + items.join(',');
    this.#count += items.length;
    await this.#write(chunk);
  }

  /** Closes the array, with one last item when given (the up-to-date control message). */
  async end(last?: string): Promise<void> {
    if (last === undefined) await this.#write(this.#count === 0 ? '[]' : ']');
    else await this.#write((this.#count === 0 ? '[' : ',') + last + ']');
    if (last !== undefined) this.#count += 1;
    this.stream.end();
  }

  fail(error: Error): void {
    this.stream.destroy(error);
  }

  #write(chunk: string): Promise<void> {
    if (this.stream.destroyed) return Promise.reject(new ClientGoneError('the client closed the connection'));
    if (this.stream.write(chunk)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('close', gone);
        resolve();
      };
      const gone = () => {
        this.stream.off('drain', done);
        reject(new ClientGoneError('the client closed the connection'));
      };
      this.stream.once('drain', done);
      this.stream.once('close', gone);
    });
  }
}
