// The server's own share of the couch figures: the same number of row documents written with raw
// `_bulk_docs` and read back with one raw `_changes?include_docs=true`, no client logic at all. What
// pouchdb-server needs for that is a floor no client can go below. The writes go in pages of 500 (the
// engine's page): pouchdb-server's bulk write grows faster than linearly with the request (one request
// of 50 000 documents did not answer within fetch's 300 s header timeout, 10 pages of 5 000 take seconds).
import { adminRequest, type CouchServer } from '../couch/server';

export type FloorRun = { wallMs: number; serverCpuMs: number };

/** Documents per `_bulk_docs` request of the floor (the engine's default page). */
export const FLOOR_PAGE = 500;

/** Documents shaped like the engine's (`{ _id: table:rowId, f: { field: { h, v } }, c }`), two fields each. */
function rowDocs(count: number): object[] {
  const h = (k: number) => `0000018c5a1b2c3d-${k.toString(16).padStart(4, '0')}-dev0`;
  return Array.from({ length: count }, (_, i) => ({
    _id: `accounts:acc-${i}`,
    f: { name: { h: h(2 * i), v: `Firma ${i}` }, city: { h: h(2 * i + 1), v: `dev0-${i}` } },
    c: h(2 * i + 1),
  }));
}

const HEADERS = { accept: 'application/json', 'accept-encoding': 'identity', 'content-type': 'application/json' };

/** Writes `count` documents into a fresh database in pages of FLOOR_PAGE and reads them in one request; timed together. */
export async function serverFloor(server: CouchServer, name: string, count: number): Promise<FloorRun> {
  if ((await adminRequest(server.url, 'PUT', name)) !== 201) throw new Error('couch floor: no database');
  try {
    const docs = rowDocs(count);
    const bodies: string[] = [];
    for (let i = 0; i < count; i += FLOOR_PAGE) bodies.push(JSON.stringify({ docs: docs.slice(i, i + FLOOR_PAGE) }));
    const t0 = performance.now();
    const c0 = server.cpuMs();
    let written = 0;
    for (const body of bodies) {
      const put = await fetch(`${server.url}/${name}/_bulk_docs`, { method: 'POST', headers: HEADERS, body });
      written += ((await put.json()) as Array<{ ok?: boolean }>).filter((r) => r.ok).length;
    }
    const got = await fetch(`${server.url}/${name}/_changes?include_docs=true`, { headers: HEADERS });
    const read = (await got.json()) as { results: unknown[] };
    const wallMs = performance.now() - t0;
    const serverCpuMs = server.cpuMs() - c0;
    if (written !== count || read.results.length !== count) throw new Error('couch floor: not every document went through');
    return { wallMs, serverCpuMs };
  } finally {
    await adminRequest(server.url, 'DELETE', name);
  }
}
