import { describe, expect, it } from 'vitest';
import { StorageFullError } from '../core/write';
import { defineJob, giveBytes, handOver, JobCancelled } from './protocol';
import { connectJobWorker, localWorker, runJob } from './run';
import { serveJob, type JobHandler } from './serve';

// The job protocol between real MessagePorts (Node has MessageChannel): messages are structured-cloned
// and given buffers detach exactly as between the page and a Worker.

type Step = { at: number; bytes?: Uint8Array };
const counting = defineJob<{ steps: number }, Step, { total: number }>('counting');

const start = (handler: JobHandler<{ steps: number }, Step, { total: number }>) => () => localWorker((scope) => serveJob(counting, handler, scope));
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('the worker job protocol', () => {
  it('delivers progress in order, then the result once the last progress was handled', async () => {
    const seen: string[] = [];
    const result = await runJob(
      counting,
      start(async ({ steps }, job) => {
        for (let at = 1; at <= steps; at++) job.progress({ at });
        return { total: steps };
      }),
      { steps: 3 },
      {
        onProgress: async ({ at }) => {
          await tick();
          seen.push(`progress ${at}`);
        },
      },
    );
    seen.push(`result ${result.total}`);
    expect(seen).toEqual(['progress 1', 'progress 2', 'progress 3', 'result 3']);
  });

  it('holds a delivering worker back until the page has handled the message (backpressure)', async () => {
    let handled = 0;
    const sentWhileHandled: number[] = [];
    await runJob(
      counting,
      start(async ({ steps }, job) => {
        for (let at = 1; at <= steps; at++) {
          await job.deliver({ at });
          sentWhileHandled.push(handled);
        }
        return { total: steps };
      }),
      { steps: 3 },
      {
        onProgress: async () => {
          await tick();
          handled++;
        },
      },
    );
    expect(sentWhileHandled).toEqual([1, 2, 3]);
  });

  it('rebuilds errors as the right class: storage full, cancelled, and any other by name and message', async () => {
    const failing = (error: Error) => start(async () => Promise.reject(error));
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    await expect(runJob(counting, failing(quota), { steps: 1 })).rejects.toBeInstanceOf(StorageFullError);
    const cancelled = new JobCancelled();
    await expect(runJob(counting, failing(cancelled), { steps: 1 })).rejects.toBeInstanceOf(JobCancelled);
    const odd = Object.assign(new Error('chunk 3 is damaged'), { name: 'BackupCryptoError' });
    const error = await runJob(counting, failing(odd), { steps: 1 }).then(() => new Error('resolved'), (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message]).toEqual(['BackupCryptoError', 'chunk 3 is damaged']);
    // A job can name its own cancelled class.
    class Stopped extends Error {}
    const own = defineJob<{ steps: number }, Step, { total: number }>('counting', { cancelled: () => new Stopped() });
    const worker = localWorker((scope) => serveJob(own, async () => Promise.reject(new JobCancelled()), scope));
    await expect(runJob(own, () => worker, { steps: 1 })).rejects.toBeInstanceOf(Stopped);
  });

  it('cancels: the run rejects at once and the handler sees its signal abort; other runs on the worker go on', async () => {
    let aborted = false;
    const port = connectJobWorker(
      localWorker((scope) =>
        serveJob(
          counting,
          async ({ steps }, job) => {
            job.signal.addEventListener('abort', () => (aborted = true));
            await new Promise((resolve) => setTimeout(resolve, steps));
            return { total: steps };
          },
          scope,
        ),
      ),
      { stop: 'message' },
    );
    const controller = new AbortController();
    const slow = port.run(counting, { steps: 50 }, { signal: controller.signal });
    const quick = port.run(counting, { steps: 5 });
    controller.abort();
    await expect(slow).rejects.toBeInstanceOf(JobCancelled);
    await expect(quick).resolves.toEqual({ total: 5 });
    await expect.poll(() => aborted).toBe(true);
    port.close();
    await expect(port.run(counting, { steps: 1 })).rejects.toBeInstanceOf(JobCancelled);
  });

  it('a failing onProgress fails the run and stops the worker waiting for it', async () => {
    let stopped = false;
    const run = runJob(
      counting,
      start(async (_, job) => {
        try {
          for (let at = 1; ; at++) await job.deliver({ at });
        } catch (error) {
          stopped = true;
          throw error;
        }
      }),
      { steps: 0 },
      { onProgress: ({ at }) => (at === 2 ? Promise.reject(new Error('disk gone')) : undefined) },
    );
    await expect(run).rejects.toThrow('disk gone');
    await expect.poll(() => stopped).toBe(true);
  });
});

describe('buffers across the protocol (the ownership rule)', () => {
  it('copies unless told: the sender keeps using its buffer', async () => {
    const header = new TextEncoder().encode('{"format":"rapport-backup-encrypted"}\n');
    const received: Uint8Array[] = [];
    await runJob(
      counting,
      start(async (_, job) => {
        job.progress({ at: 0, bytes: header });
        // Still there: every later chunk's associated data is computed from it.
        job.progress({ at: 1, bytes: header.slice(0, 10) });
        return { total: header.length };
      }),
      { steps: 0 },
      { onProgress: ({ bytes }) => void (bytes && received.push(bytes)) },
    );
    expect(header.byteLength).toBeGreaterThan(10);
    expect(received.map((b) => b.length)).toEqual([header.length, 10]);
  });

  it('a given buffer is gone on the sending side (as structuredClone with transfer shows), so only a copy the sender owns is given', async () => {
    // What postMessage does to a transferred buffer, shown without a worker:
    const header = new TextEncoder().encode('header line\n');
    const moved = structuredClone(header, { transfer: [header.buffer] });
    expect(header.byteLength).toBe(0);
    expect(() => new Uint8Array(4).set(header)).toThrow(/detached/);
    expect(new TextDecoder().decode(moved)).toBe('header line\n');

    // Through the protocol: the sender gives a copy it made for the message and keeps its own.
    const kept = new TextEncoder().encode('header line\n');
    const received: Uint8Array[] = [];
    const result = await runJob(
      counting,
      start(async (_, job) => {
        const { bytes, give } = giveBytes(kept.slice());
        job.progress({ at: 0, bytes }, { give });
        return { total: bytes.byteLength };
      }),
      { steps: 0 },
      { onProgress: ({ bytes }) => void (bytes && received.push(bytes)) },
    );
    // The copy was moved (0 bytes left with the sender), the original is intact.
    expect(result.total).toBe(0);
    expect(new TextDecoder().decode(kept)).toBe('header line\n');
    expect(new TextDecoder().decode(received[0])).toBe('header line\n');
  });

  it('giveBytes copies a view into a larger buffer instead of moving the whole buffer', () => {
    const large = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const view = large.subarray(2, 4);
    const { bytes, give } = giveBytes(view);
    expect(bytes).not.toBe(view);
    structuredClone(bytes, { transfer: give });
    expect(large.byteLength).toBe(6);
    expect([...view]).toEqual([3, 4]);
    const whole = new Uint8Array([7, 8]);
    expect(giveBytes(whole).bytes).toBe(whole);
  });

  it('a result handed over moves its buffers to the page', async () => {
    let made: Uint8Array | undefined;
    const bytes = defineJob<null, never, { data: Uint8Array }>('bytes');
    const result = await runJob(bytes, () =>
      localWorker((scope) =>
        serveJob(bytes, async () => {
          const { bytes: data, give } = giveBytes(new Uint8Array([1, 2, 3]));
          made = data;
          return handOver({ data }, give);
        }, scope),
      ), null);
    expect([...result.data]).toEqual([1, 2, 3]);
    expect(made?.byteLength).toBe(0);
  });
});
