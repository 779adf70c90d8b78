import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppErrorShape } from '../../shared/domain/result';
import type { Dispatch } from '../rpc/dispatch';
import { contentSecurityPolicy, contentTypeOf, resolveStaticPath } from '../shell/static';

/** The header names the renderer's fetch transport sends. */
export const TOKEN_HEADER = 'x-stationdesk-token';
export const SESSION_HEADER = 'x-stationdesk-session';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpHostOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticRoot: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface HttpHost {
  url: string;
  /** The URL to open: the page reads the launch token from it. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser host: the same dispatcher as the Electron app, over loopback HTTP.
 * Binds 127.0.0.1 only; every RPC needs the per-launch token in a header (which also means a foreign page
 * cannot send one without a CORS preflight we never answer); Host and Origin must be our own
 * (no DNS rebinding); bodies are JSON and bounded.
 */
export function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  let origins = new Set<string>();
  let hosts = new Set<string>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { code: 'INTERNAL', message: 'internal error' });
      else res.destroy();
    });
  });

  const send = (res: http.ServerResponse, status: number, error: AppErrorShape) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ok: false, error }));
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (!hosts.has(req.headers.host ?? '')) return send(res, 421, { code: 'BAD_REQUEST', message: 'Unknown Host.' });
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      return send(res, 403, { code: 'FORBIDDEN', message: 'Foreign origin.' });
    }
    const url = req.url ?? '/';
    if (url.startsWith('/rpc/')) return handleRpc(req, res, url.slice('/rpc/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, { code: 'BAD_REQUEST', message: 'Method not allowed.' });
    }
    return serveStatic(req, res, url);
  }

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, procedure: string) {
    if (req.method !== 'POST') return send(res, 405, { code: 'BAD_REQUEST', message: 'Use POST.' });
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      req.resume();
      return send(res, 401, { code: 'UNAUTHENTICATED', message: 'Missing or wrong launch token.' });
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      return send(res, 415, { code: 'BAD_REQUEST', message: 'Send application/json.' });
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      req.resume();
      return send(res, 413, { code: 'BAD_REQUEST', message: 'Request body too large.' });
    }
    const body = await readBody(req, maxBody);
    if (body === null) return send(res, 413, { code: 'BAD_REQUEST', message: 'Request body too large.' });
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
    } catch {
      return send(res, 400, { code: 'BAD_REQUEST', message: 'Malformed JSON.' });
    }
    let name: string;
    try {
      name = decodeURIComponent(procedure);
    } catch {
      return send(res, 400, { code: 'BAD_REQUEST', message: 'Malformed procedure name.' });
    }
    const sessionHeader = req.headers[SESSION_HEADER];
    const result = opts.dispatch(name, input, { sessionId: typeof sessionHeader === 'string' ? sessionHeader : undefined });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(result));
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, url: string) {
    const file = resolveStaticPath(opts.staticRoot, url);
    if (!file) return send(res, 404, { code: 'NOT_FOUND', message: 'Not found.' });
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      return send(res, 404, { code: 'NOT_FOUND', message: 'Not found.' });
    }
    res.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-security-policy': contentSecurityPolicy(),
      'cache-control': file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
      const url = `http://127.0.0.1:${port}`;
      resolve({
        url,
        launchUrl: `${url}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body, or null once it passes `limit` bytes (the rest is drained, not buffered). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
