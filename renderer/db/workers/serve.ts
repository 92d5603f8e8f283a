import { errorToData, HandOver, JobCancelled, type FromWorker, type JobSpec, type MessageEnd, type ToWorker } from './protocol';

// The worker's end of the job protocol (protocol.ts): runs the handler per request, sends its
// progress and its result or error, aborts its signal on cancel, and resolves acknowledged progress.

/** Who gets which buffers: `give` moves them to the page (see the ownership rule in protocol.ts). */
export type SendOptions = { give?: ArrayBuffer[] };

/** What a handler can do while it runs. */
export type JobContext<Progress> = {
  /** Sends progress; the value is copied unless `give` hands buffers over. */
  progress(value: Progress, options?: SendOptions): void;
  /** Sends progress and resolves once the page has handled it (its onProgress promise settled): for backpressure. */
  deliver(value: Progress, options?: SendOptions): Promise<void>;
  /** Aborts when the page cancels this request. */
  signal: AbortSignal;
};

/** Runs one request; throws to fail it (the page gets the error as data, see errorToData). */
export type JobHandler<Req, Progress, Result> = (request: Req, context: JobContext<Progress>) => Promise<Result | HandOver<Result>>;

/** The worker global's messaging members (a MessagePort in tests). */
export type WorkerEnd = MessageEnd & { start?(): void };

type Running = { controller: AbortController; acks: Map<number, { resolve: () => void; reject: (error: Error) => void }> };

/**
 * Serves `spec` on `scope` (the worker global, or a port in tests and where there are no Workers).
 * Returns `stop`, which cancels every running request (a worker in this thread cannot be terminated).
 */
export function serveJob<Req, Progress, Result>(spec: JobSpec<Req, Progress, Result>, handler: JobHandler<Req, Progress, Result>, scope: WorkerEnd = self as unknown as WorkerEnd): () => void {
  const running = new Map<number, Running>();
  const post = (message: FromWorker, give?: ArrayBuffer[]) => scope.postMessage(message, give ?? []);

  const cancel = (job: Running) => {
    job.controller.abort();
    // A handler waiting for an acknowledgement would wait for ever: it fails instead.
    for (const waiting of job.acks.values()) waiting.reject(new JobCancelled());
    job.acks.clear();
  };

  const start = async (id: number, request: Req) => {
    const job: Running = { controller: new AbortController(), acks: new Map() };
    running.set(id, job);
    let seq = 0;
    const context: JobContext<Progress> = {
      progress: (progress, options) => post({ type: 'progress', id, progress }, options?.give),
      deliver: (progress, options) =>
        new Promise<void>((resolve, reject) => {
          if (job.controller.signal.aborted) return reject(new JobCancelled());
          const at = ++seq;
          job.acks.set(at, { resolve, reject });
          post({ type: 'progress', id, progress, seq: at }, options?.give);
        }),
      signal: job.controller.signal,
    };
    try {
      const outcome = await handler(request, context);
      if (outcome instanceof HandOver) post({ type: 'result', id, result: outcome.result }, outcome.give);
      else post({ type: 'result', id, result: outcome });
    } catch (error) {
      post({ type: 'error', id, error: errorToData(error) });
    } finally {
      running.delete(id);
    }
  };

  scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
    const message = event.data;
    if (message.type === 'start') {
      if (message.job !== spec.name) {
        post({ type: 'error', id: message.id, error: { name: 'Error', message: `this worker serves '${spec.name}', not '${message.job}'`, kind: 'failed' } });
        return;
      }
      void start(message.id, message.request as Req);
      return;
    }
    const job = running.get(message.id);
    if (!job) return;
    if (message.type === 'cancel') cancel(job);
    else {
      const waiting = job.acks.get(message.seq);
      job.acks.delete(message.seq);
      waiting?.resolve();
    }
  });
  // A MessagePort delivers only once started (the worker global needs no start).
  scope.start?.();
  return () => {
    for (const job of running.values()) cancel(job);
  };
}
