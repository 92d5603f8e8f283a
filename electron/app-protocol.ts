import { readFile as fsReadFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from './csp';
import { appRequestPath, contentTypeFor, resolveAppPath } from './protocol-path';

export type AppProtocolOptions = {
  /** Folder holding index.html and assets (dist/renderer). */
  root: string;
  /** Whether `.map` files are served (development only: a packaged build serves no source maps). */
  sourceMaps?: boolean;
  /** Replaces fs.readFile in tests. */
  readFile?: (path: string) => Promise<Uint8Array>;
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/**
 * The `app://rapport/…` request handler, free of Electron so it can be tested with plain
 * Request/Response objects. Only GET/HEAD; anything outside `root` is a 404, not an error page
 * that tells what exists.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? fsReadFile;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const rawPath = appRequestPath(request.url);
    const file = rawPath === null ? null : resolveAppPath(options.root, rawPath, { sourceMaps: options.sourceMaps ?? false });
    if (file === null) return plain(404, 'Not Found');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not Found');
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Content-Length': String(body.byteLength) };
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
