import { errorFromData, type FromWorker, type JobSpec, type ToWorker } from './protocol';
import type { WorkerEnd } from './serve';

// The page's end of the job protocol (protocol.ts): starts requests, hands progress to `onProgress`
// one message after another (acknowledging those the worker waits for once handled), resolves with
// the result after the last progress was handled, and rebuilds errors as the right Error class.

/** A Worker as the page uses it (or a MessagePort pair where there are no Workers, see localWorker). */
export type WorkerHandle = {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: string, listener: (event: MessageEvent & ErrorEvent) => void): void;
  terminate(): void;
  start?(): void;
};

export type RunOptions<Progress> = {
  /** Handles each progress message in order; a promise holds back the next one (and the result), a rejection fails the run. */
  onProgress?: (progress: Progress) => void | Promise<void>;
  /** Cancels the run: it rejects with the spec's cancelled error at once. */
  signal?: AbortSignal;
  /** Buffers of the request given to the worker (see the ownership rule in protocol.ts). */
  give?: ArrayBuffer[];
};

/** Requests to one worker. */
export type JobPort = {
  run<Req, Progress, Result>(spec: JobSpec<Req, Progress, Result>, request: Req, options?: RunOptions<Progress>): Promise<Result>;
  /** Ends the worker; runs still open reject as cancelled. */
  close(): void;
};

type Pending = {
  spec: JobSpec<unknown, unknown, unknown>;
  onProgress?: (progress: unknown) => void | Promise<void>;
  queue: Promise<void>;
  settle: (outcome: { ok: true; result: unknown } | { ok: false; error: Error }) => void;
};

/**
 * Talks to `worker`. `stop: 'message'` (a worker serving many requests): a cancelled or failed run
 * tells the worker to stop that request. `stop: 'terminate'` (a worker of its own): ends the worker,
 * wherever it is (some work, like exceljs writing a workbook, cannot stop otherwise).
 */
export function connectJobWorker(worker: WorkerHandle, { stop }: { stop: 'message' | 'terminate' }): JobPort {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;
  const post = (message: ToWorker, give: ArrayBuffer[] = []) => worker.postMessage(message, give);

  const close = () => {
    if (closed) return;
    closed = true;
    worker.terminate();
    for (const run of [...pending.values()]) run.settle({ ok: false, error: run.spec.cancelled() });
  };
  const abandon = (id: number, error: Error) => {
    const run = pending.get(id);
    if (!run) return;
    run.settle({ ok: false, error });
    if (stop === 'terminate') close();
    else if (!closed) post({ type: 'cancel', id });
  };
  const failAll = (error: Error) => {
    for (const run of [...pending.values()]) run.settle({ ok: false, error });
    if (stop === 'terminate') close();
  };

  worker.addEventListener('message', (event) => {
    const message = event.data as FromWorker;
    const run = pending.get(message.id);
    if (!run) return; // a cancelled or superseded request
    if (message.type === 'progress') {
      const handled = run.queue.then(() => run.onProgress?.(message.progress));
      run.queue = handled;
      handled.then(
        () => message.seq !== undefined && pending.has(message.id) && post({ type: 'ack', id: message.id, seq: message.seq }),
        (error: unknown) => abandon(message.id, error instanceof Error ? error : new Error(String(error))),
      );
    } else if (message.type === 'result') {
      run.queue.then(() => run.settle({ ok: true, result: message.result }), () => undefined);
    } else {
      abandon(message.id, errorFromData(message.error, run.spec));
    }
  });
  worker.addEventListener('error', (event) => failAll(new Error(event.message || 'worker failed')));
  worker.addEventListener('messageerror', () => failAll(new Error('worker reply could not be read')));
  worker.start?.();

  const run = <Req, Progress, Result>(spec: JobSpec<Req, Progress, Result>, request: Req, options: RunOptions<Progress> = {}): Promise<Result> =>
    new Promise<Result>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted || closed) return reject(spec.cancelled());
      const id = ++nextId;
      const onAbort = () => abandon(id, spec.cancelled());
      pending.set(id, {
        spec: spec as JobSpec<unknown, unknown, unknown>,
        ...(options.onProgress ? { onProgress: options.onProgress as (progress: unknown) => void | Promise<void> } : {}),
        queue: Promise.resolve(),
        settle: (outcome) => {
          if (!pending.delete(id)) return;
          signal?.removeEventListener('abort', onAbort);
          if (outcome.ok) resolve(outcome.result as Result);
          else reject(outcome.error);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      post({ type: 'start', job: spec.name, id, request }, options.give);
    });

  return { run, close };
}

/** One request in a worker of its own, started by `start` and ended when the run ends (cancel ends it at once). */
export function runJob<Req, Progress, Result>(spec: JobSpec<Req, Progress, Result>, start: () => WorkerHandle, request: Req, options: RunOptions<Progress> = {}): Promise<Result> {
  if (options.signal?.aborted) return Promise.reject(spec.cancelled());
  const port = connectJobWorker(start(), { stop: 'terminate' });
  return port.run(spec, request, options).finally(() => port.close());
}

/**
 * A worker in this thread, for where there are no Workers (unit tests under Node): `serve` installs
 * the job on one end of a MessageChannel, the page talks to the other. Messages are structured-cloned
 * and given buffers detach exactly as between threads, so the ownership rule is tested here too.
 */
export function localWorker(serve: (scope: WorkerEnd) => () => void): WorkerHandle {
  const { port1, port2 } = new MessageChannel();
  const stop = serve(port2 as unknown as WorkerEnd);
  return {
    postMessage: (message, transfer) => port1.postMessage(message, transfer),
    addEventListener: (type, listener) => {
      if (type === 'message') port1.addEventListener('message', listener as (event: MessageEvent) => void);
    },
    start: () => port1.start(),
    terminate: () => {
      stop();
      port1.close();
      port2.close();
    },
  };
}
