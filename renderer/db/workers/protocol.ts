import { isStorageFull, StorageFullError } from '../core/write';

// One protocol for every job that runs in a Web Worker (backup, reports, customer export):
//
//   page → worker   start(request) · cancel · ack(seq)
//   worker → page   progress* (each optionally acknowledged) → result | error
//
// Messages cross by structured clone. Ids tie replies to requests, so one worker can serve several
// requests (the reports page keeps one) or one (a backup gets its own and ends it afterwards).
//
// THE OWNERSHIP RULE for binary data. Buffers are COPIED unless the sender GIVES them (`give`, or
// `handOver` for a result): a given ArrayBuffer is transferred, and every view of it on the sending
// side is empty (detached) from then on. So give only a buffer that was made for this message and
// that nothing on the sending side will ever read again. Never give a buffer someone else still
// holds: a stream's header, a key, a cache, a module-level scratch buffer, or the larger buffer
// under a view (`giveBytes` copies a view first). When in doubt, copy: a few MB copied are cheap,
// a detached buffer breaks every later use of it (an encrypted backup's header once went with its
// first chunk, and every later chunk's associated data was computed from the emptied buffer).

/** A kind of job. `name` ties the page's request to the worker's handler; the types are the compiler's. */
export type JobSpec<Req, Progress, Result> = {
  readonly name: string;
  /** The error a cancelled run rejects with on the page (per job, so callers keep their own class). */
  readonly cancelled: () => Error;
  /** Never set: carries the request, progress and result types. */
  readonly types?: { request: Req; progress: Progress; result: Result };
};

/** Thrown on the page when a job was cancelled (unless its spec names another class). */
export class JobCancelled extends Error {
  constructor(message = 'The job was cancelled') {
    super(message);
    this.name = 'JobCancelled';
  }
}

/** Declares a job kind; page and worker import the same spec. */
export function defineJob<Req, Progress, Result>(name: string, options: { cancelled?: () => Error } = {}): JobSpec<Req, Progress, Result> {
  return { name, cancelled: options.cancelled ?? (() => new JobCancelled()) };
}

/** What kind of failure crossed: the page rebuilds the matching Error class. */
export type JobErrorKind = 'cancelled' | 'storage-full' | 'failed';

/** An error as plain data (Error objects lose their class in a structured clone). */
export type JobErrorData = {
  /** The thrower's `name` (kept on the rebuilt Error for the log). */
  name: string;
  /** The thrower's message. */
  message: string;
  /** Which Error class the page rebuilds. */
  kind: JobErrorKind;
};

/** Page → worker. */
export type ToWorker =
  | { type: 'start'; job: string; id: number; request: unknown }
  /** Stop this request: the handler's signal aborts. */
  | { type: 'cancel'; id: number }
  /** The page has handled the progress message numbered `seq` (its onProgress promise settled). */
  | { type: 'ack'; id: number; seq: number };

/** Worker → page. */
export type FromWorker =
  /** `seq` is set when the worker waits for an `ack` of this message (backpressure). */
  | { type: 'progress'; id: number; progress: unknown; seq?: number }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: JobErrorData };

const CANCELLED_NAMES = new Set(['JobCancelled', 'AbortError', 'ExportCancelled', 'RestoreCancelled']);

/** An error as plain data for the other side. */
export function errorToData(error: unknown): JobErrorData {
  const e = error instanceof Error ? error : new Error(String(error));
  const kind: JobErrorKind = CANCELLED_NAMES.has(e.name) ? 'cancelled' : isStorageFull(e) ? 'storage-full' : 'failed';
  return { name: e.name, message: e.message, kind };
}

/** The page's Error for an error that crossed. */
export function errorFromData(data: JobErrorData, spec: Pick<JobSpec<unknown, unknown, unknown>, 'cancelled'>): Error {
  if (data.kind === 'cancelled') return spec.cancelled();
  if (data.kind === 'storage-full') return new StorageFullError({ cause: data });
  const error = new Error(data.message);
  if (data.name && data.name !== 'Error') error.name = data.name;
  return error;
}

/** Bytes the sender owns, ready to give: the view itself when it spans its whole buffer, else a copy that does. */
export function giveBytes(bytes: Uint8Array): { bytes: Uint8Array; give: ArrayBuffer[] } {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const own = whole ? bytes : bytes.slice();
  return { bytes: own, give: [own.buffer as ArrayBuffer] };
}

/** A result whose buffers are given to the page (see the ownership rule above), not copied. */
export class HandOver<Result> {
  constructor(
    readonly result: Result,
    readonly give: ArrayBuffer[],
  ) {}
}

/** Gives `give` with `result` (the handler must never touch them again). */
export function handOver<Result>(result: Result, give: ArrayBuffer[]): HandOver<Result> {
  return new HandOver(result, give);
}

/** The side of a worker (or a MessagePort) a protocol end talks through. */
export type MessageEnd = {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};
