import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core';
import { startHttpHost, type HttpHost } from '../../../electron/host/http';
import { isProcedureName, procedureNames } from '../../../shared/contract';
import { ERROR_CODES } from '../../../shared/domain/result';
import { ADMIN, contentHash, tempDir } from '../helpers';

/**
 * The browser host under hostile requests: random and malformed bodies, content types, sizes, tokens, Host and
 * Origin headers, procedure names, static paths and methods. Each must be refused with its status (http.ts),
 * nothing outside the web root may ever be served, nothing refused may change the database, and afterwards
 * the host must still answer. node:http is used because fetch cannot set Host. Seeded: HOST_FUZZ_SEED.
 */
const SEED = Number(process.env.HOST_FUZZ_SEED ?? 4_2026);
const SMALL_LIMIT = 2048;
const SECRET = 'TOP-SECRET-OUTSIDE-THE-ROOT';
const INDEX = '<!doctype html><title>StationDesk</title>';
const APP_JS = 'console.log("app")';

let dir: string;
let core: Core;
let host: HttpHost;
/** The same dispatcher behind a host with a small body limit, to probe the boundary cheaply. */
let small: HttpHost;
let hashAtStart: string;
let requests = 0;

beforeAll(async () => {
  dir = tempDir('stationdesk-hostfuzz-');
  const web = path.join(dir, 'web');
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(web, 'index.html'), INDEX);
  fs.writeFileSync(path.join(web, 'assets', 'app.js'), APP_JS);
  // Secrets beside the root, including a sibling whose name starts with the root's ("web-secret").
  fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  fs.mkdirSync(path.join(dir, 'web-secret'));
  fs.writeFileSync(path.join(dir, 'web-secret', 'secret.txt'), SECRET);
  core = openCore({ dataDir: path.join(dir, 'data'), logger: { info() {}, error() {} } });
  const init = core.dispatch('setup.initialize', { stationName: '测试区救助管理站', admin: ADMIN }, {});
  if (!init.ok) throw new Error(JSON.stringify(init));
  host = await startHttpHost({ dispatch: core.dispatch, staticRoot: web, port: 0 });
  small = await startHttpHost({ dispatch: core.dispatch, staticRoot: web, port: 0, maxBodyBytes: SMALL_LIMIT });
  hashAtStart = contentHash(core);
});
afterAll(async () => {
  await host?.close();
  await small?.close();
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number; // 0: the server closed the connection without an answer
  headers: http.IncomingHttpHeaders;
  body: string;
  error?: string;
}

interface RawOptions {
  method?: string;
  path: string;
  headers?: Record<string, string | number | string[]>;
  body?: string | Buffer;
  /** Leave the Host header out entirely. */
  noHost?: boolean;
  chunked?: boolean;
  target?: HttpHost;
}

/** One request on its own connection; never rejects (a dropped connection is a reply with status 0). */
function raw(o: RawOptions): Promise<Reply> {
  const target = o.target ?? host;
  requests += 1;
  return new Promise((resolve) => {
    const headers: Record<string, string | number | string[]> = o.noHost ? {} : { host: `127.0.0.1:${target.port}` };
    Object.assign(headers, o.headers);
    if (o.body !== undefined && !o.chunked && headers['content-length'] === undefined) headers['content-length'] = Buffer.byteLength(o.body);
    let req: http.ClientRequest;
    try {
      req = http.request({ host: '127.0.0.1', port: target.port, method: o.method ?? 'GET', path: o.path, headers, agent: false, setHost: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), error: e.message }));
      });
    } catch (e) {
      throw new Error(`test bug: node refused to send ${JSON.stringify(o.path)}: ${String(e)}`);
    }
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', (e) => resolve({ status: 0, headers: {}, body: '', error: e.message }));
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

const tokenHeaders = (extra: Record<string, string> = {}, target: HttpHost = host) => ({
  'content-type': 'application/json',
  'x-stationdesk-token': target.token,
  ...extra,
});

/** A JSON refusal from the host itself: the status and the Result's error code go together. */
function expectRefusal(r: Reply, status: number, code: string, label: string) {
  expect(r.status, `${label}: ${r.body.slice(0, 200)}${r.error ? ` (${r.error})` : ''}`).toBe(status);
  expect(r.headers['content-type'], label).toMatch(/^application\/json/);
  const parsed = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
  expect(parsed.ok, label).toBe(false);
  expect(parsed.error.code, label).toBe(code);
  expect(typeof parsed.error.message, label).toBe('string');
}

/** A 200 carrying a dispatcher Result that is not an internal error. */
function expectResult(r: Reply, label: string): { ok: boolean; error?: { code: string } } {
  expect(r.status, `${label}: ${r.body.slice(0, 200)}`).toBe(200);
  const parsed = JSON.parse(r.body) as { ok: boolean; error?: { code: string } };
  expect(typeof parsed.ok, label).toBe('boolean');
  if (!parsed.ok) {
    expect(ERROR_CODES as readonly string[], label).toContain(parsed.error!.code);
    expect(parsed.error!.code, label).not.toBe('INTERNAL');
  }
  return parsed;
}

/** Nothing outside the root, ever: a 200 for a static path is one of the two files, byte for byte (HEAD: no body). */
function expectNothingOutside(r: Reply, label: string, method = 'GET') {
  expect(r.body, label).not.toContain(SECRET);
  expect(r.body, label).not.toContain('SQLite format 3');
  if (r.status === 200 && method !== 'POST') {
    if (method === 'HEAD') expect(r.body, label).toBe('');
    else expect([INDEX, APP_JS], `${label} served something unexpected`).toContain(r.body);
  }
}

const printable = (max: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });

describe('the browser host under hostile requests', () => {
  it('answers malformed JSON bodies with 400 and parsable ones with a Result', async () => {
    const nearJson = fc
      .tuple(fc.jsonValue({ maxDepth: 2 }), fc.nat(), fc.constantFrom('drop', 'cut', 'dup', 'nul'))
      .map(([v, at, how]) => {
        const s = JSON.stringify(v) ?? 'null';
        const i = s.length ? at % s.length : 0;
        const out = how === 'drop' ? s.slice(0, i) + s.slice(i + 1) : how === 'cut' ? s.slice(0, i) : how === 'dup' ? s.slice(0, i) + s[i] + s.slice(i) : s.slice(0, i) + '\u0000' + s.slice(i);
        return Buffer.from(out, 'utf8');
      });
    const body = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 300 }).map((a) => Buffer.from(a)),
      nearJson,
      fc.constantFrom(...['{', '}', '[', '{"a":', 'nul', 'tru', '"', '\ufeff{}', "{'a':1}", '{"a":1,}', 'NaN', 'Infinity', '01', '{}{}', '\u0000'].map((s) => Buffer.from(s))),
      fc.constant(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])), // a UTF-8 BOM before {}
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(...procedureNames), async (buf, name) => {
        const r = await raw({ method: 'POST', path: `/rpc/${name}`, headers: tokenHeaders(), body: buf });
        // An empty body is no input (the procedure sees {}); anything else must be one JSON text.
        let parses = true;
        try {
          if (buf.length > 0) JSON.parse(buf.toString('utf8'));
        } catch {
          parses = false;
        }
        const label = `${name} ← ${JSON.stringify(buf.toString('latin1').slice(0, 80))}`;
        if (parses) expectResult(r, label);
        else expectRefusal(r, 400, 'BAD_REQUEST', label);
      }),
      { seed: SEED, numRuns: 80 },
    );
  });

  it('accepts only application/json (with parameters, any case) and answers others with 415', async () => {
    const type = fc.oneof(
      fc.constantFrom(
        'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'application/json-patch+json',
        'text/json', 'application/json5', 'application/javascript', 'application/json, text/plain', 'application /json', '*/*', '',
        'application/json; charset=utf-8', 'APPLICATION/JSON', 'Application/Json;charset=gbk', ' application/json ',
      ),
      printable(40),
      printable(20).map((s) => `application/json${s}`),
    );
    await fc.assert(
      fc.asyncProperty(type, async (ct) => {
        const r = await raw({ method: 'POST', path: '/rpc/setup.status', headers: tokenHeaders({ 'content-type': ct }), body: '{}' });
        const accepted = ct.split(';')[0]!.trim().toLowerCase() === 'application/json';
        if (accepted) expect(expectResult(r, ct).ok, ct).toBe(true);
        else expectRefusal(r, 415, 'BAD_REQUEST', `content-type ${JSON.stringify(ct)}`);
      }),
      { seed: SEED + 1, numRuns: 40 },
    );
    const none = await raw({ method: 'POST', path: '/rpc/setup.status', headers: { 'x-stationdesk-token': host.token }, body: '{}' });
    expectRefusal(none, 415, 'BAD_REQUEST', 'no content-type');
  });

  it('refuses bodies over the limit with 413 at the exact boundary, declared or streamed', async () => {
    const size = fc.oneof(fc.integer({ min: 2, max: 2 * SMALL_LIMIT }), fc.constantFrom(2, SMALL_LIMIT - 1, SMALL_LIMIT, SMALL_LIMIT + 1, 10 * SMALL_LIMIT));
    await fc.assert(
      fc.asyncProperty(size, fc.boolean(), async (n, chunked) => {
        const body = '{}' + ' '.repeat(n - 2); // valid JSON of exactly n bytes
        const headers: Record<string, string> = tokenHeaders({}, small);
        if (chunked) headers['transfer-encoding'] = 'chunked';
        const r = await raw({ target: small, method: 'POST', path: '/rpc/setup.status', headers, body, chunked });
        const label = `${n} bytes ${chunked ? 'chunked' : 'declared'}`;
        if (n > SMALL_LIMIT) expectRefusal(r, 413, 'BAD_REQUEST', label);
        else expect(expectResult(r, label).ok, label).toBe(true);
      }),
      { seed: SEED + 2, numRuns: 40 },
    );
    // A Content-Length that is not a number never reaches a procedure (Node's parser answers 400 and closes).
    for (const cl of ['abc', '-1', '1e3', '0x10']) {
      const r = await raw({ method: 'POST', path: '/rpc/setup.status', headers: tokenHeaders({ 'content-length': cl }), body: '{}' });
      expect([0, 400], `content-length ${cl}: ${r.status} ${r.body.slice(0, 100)}`).toContain(r.status);
    }
  });

  it('refuses a missing or wrong launch token with 401, whatever its shape', async () => {
    const t = host.token;
    const token = fc.oneof(
      printable(60),
      fc.constantFrom('', ' ', t.slice(1), t + 'x', t.toUpperCase(), t.toLowerCase(), t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A'), `Bearer ${t}`, `${t},${t}`, encodeURIComponent(t) + '%00'),
      fc.nat({ max: t.length - 1 }).map((i) => t.slice(0, i) + (t[i] === 'x' ? 'y' : 'x') + t.slice(i + 1)),
    );
    await fc.assert(
      fc.asyncProperty(token, fc.constantFrom(...procedureNames), async (given, name) => {
        const r = await raw({ method: 'POST', path: `/rpc/${name}`, headers: tokenHeaders({ 'x-stationdesk-token': given }), body: '{}' });
        if (given.trim() === t) expectResult(r, 'the real token');
        else expectRefusal(r, 401, 'UNAUTHENTICATED', `token ${JSON.stringify(given)}`);
      }),
      { seed: SEED + 3, numRuns: 40 },
    );
    // Not in a header: in the query string, or twice.
    expectRefusal(await raw({ method: 'POST', path: `/rpc/setup.status?token=${t}`, headers: { 'content-type': 'application/json' }, body: '{}' }), 401, 'UNAUTHENTICATED', 'token in query');
    expectRefusal(await raw({ method: 'POST', path: '/rpc/setup.status', headers: { 'content-type': 'application/json', 'x-stationdesk-token': [t, t] }, body: '{}' }), 401, 'UNAUTHENTICATED', 'token twice');
    expectRefusal(await raw({ method: 'POST', path: '/rpc/setup.status', headers: { 'content-type': 'application/json', 'x-stationdesk-session': t }, body: '{}' }), 401, 'UNAUTHENTICATED', 'token as session');
  });

  it('refuses a foreign or missing Host with 421 and a foreign Origin with 403, on RPC and static files', async () => {
    const p = host.port;
    const ownHosts = new Set([`127.0.0.1:${p}`, `localhost:${p}`]);
    const ownOrigins = new Set([`http://127.0.0.1:${p}`, `http://localhost:${p}`]);
    const hostHeader = fc.oneof(
      printable(40),
      fc.domain().map((d) => `${d}:${p}`),
      fc.constantFrom(
        `127.0.0.1:${p}`, `localhost:${p}`, '127.0.0.1', 'localhost', `127.0.0.1:${p + 1}`, `[::1]:${p}`, `127.0.0.1:${p}.evil.example`,
        `evil.example`, `127.0.0.1:${p}@evil.example`, `LOCALHOST:${p}`, `localhost.:${p}`, `0.0.0.0:${p}`, `2130706433:${p}`, `127.1:${p}`, ' ', '',
      ),
    );
    const originHeader = fc.oneof(
      fc.webUrl(),
      fc.webUrl().map((u) => new URL(u).origin),
      fc.constantFrom(
        'null', `http://127.0.0.1:${p}`, `http://localhost:${p}`, `http://127.0.0.1:${p}/`, `https://127.0.0.1:${p}`, `http://127.0.0.1:${p + 1}`,
        `http://127.0.0.1`, `http://evil.example`, `http://127.0.0.1:${p}.evil.example`, `HTTP://127.0.0.1:${p}`, '',
      ),
    );
    const onRpc = fc.boolean();
    await fc.assert(
      fc.asyncProperty(hostHeader, onRpc, async (h, rpc) => {
        const r = rpc
          ? await raw({ method: 'POST', path: '/rpc/setup.status', headers: { ...tokenHeaders(), host: h }, body: '{}' })
          : await raw({ path: '/index.html', headers: { host: h } });
        const label = `Host ${JSON.stringify(h)} on ${rpc ? 'rpc' : 'static'}`;
        if (ownHosts.has(h.trim())) expect(r.status, label).toBe(200);
        else expectRefusal(r, 421, 'BAD_REQUEST', label);
        expectNothingOutside(r, label, rpc ? 'POST' : 'GET');
      }),
      { seed: SEED + 4, numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(originHeader, onRpc, async (o, rpc) => {
        const r = rpc
          ? await raw({ method: 'POST', path: '/rpc/setup.status', headers: tokenHeaders({ origin: o }), body: '{}' })
          : await raw({ path: '/', headers: { origin: o } });
        const label = `Origin ${JSON.stringify(o)} on ${rpc ? 'rpc' : 'static'}`;
        if (ownOrigins.has(o.trim())) expect(r.status, label).toBe(200);
        else expectRefusal(r, 403, 'FORBIDDEN', label);
      }),
      { seed: SEED + 5, numRuns: 40 },
    );
    for (const rpc of [true, false]) {
      const r = rpc
        ? await raw({ noHost: true, method: 'POST', path: '/rpc/setup.status', headers: tokenHeaders(), body: '{}' })
        : await raw({ noHost: true, path: '/' });
      // HTTP/1.1 without Host: Node's parser may answer 400 itself; either way it is refused, never served.
      if (r.status !== 400) expectRefusal(r, 421, 'BAD_REQUEST', `no Host on ${rpc ? 'rpc' : 'static'}`);
      expectNothingOutside(r, 'no Host', rpc ? 'POST' : 'GET');
    }
  });

  it('answers unknown procedure names with UNKNOWN_PROCEDURE and broken encodings with 400', async () => {
    const name = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', '.', '..', 'setup', 'setup.', 'Setup.status', 'setup.status ', ' setup.status', 'setup.status/', 'setup.status\u0000', '../setup.status', 'auth.login?x=1'),
      fc.constantFrom(...procedureNames).map((n) => n.toUpperCase()),
    );
    await fc.assert(
      fc.asyncProperty(name, async (n) => {
        const r = await raw({ method: 'POST', path: `/rpc/${encodeURIComponent(n)}`, headers: tokenHeaders(), body: '{}' });
        const res = expectResult(r, `procedure ${JSON.stringify(n)}`);
        if (!isProcedureName(n)) expect(res.error?.code, JSON.stringify(n)).toBe('UNKNOWN_PROCEDURE');
      }),
      { seed: SEED + 6, numRuns: 40 },
    );
    for (const p of ['/rpc/%', '/rpc/%E0%A4%A', '/rpc/%zz', '/rpc/setup.status%', '/rpc/%C0%AE']) {
      expectRefusal(await raw({ method: 'POST', path: p, headers: tokenHeaders(), body: '{}' }), 400, 'BAD_REQUEST', p);
    }
    // Encoded names decode once: %2E is a dot, %252E is not.
    expect(expectResult(await raw({ method: 'POST', path: '/rpc/setup%2Estatus', headers: tokenHeaders(), body: '{}' }), 'setup%2Estatus').ok).toBe(true);
    expect(expectResult(await raw({ method: 'POST', path: '/rpc/setup%252Estatus', headers: tokenHeaders(), body: '{}' }), 'setup%252Estatus').error?.code).toBe('UNKNOWN_PROCEDURE');
    // Not under /rpc/ exactly: a static path, where POST is not allowed.
    for (const p of ['/RPC/setup.status', '//rpc/setup.status', '/rpc', '/%72pc/setup.status', '/./rpc/setup.status']) {
      expectRefusal(await raw({ method: 'POST', path: p, headers: tokenHeaders(), body: '{}' }), 405, 'BAD_REQUEST', p);
    }
  });

  it('serves the two files inside the root and nothing else, whatever the path encoding', async () => {
    const served: Record<string, string> = {
      '/': INDEX,
      '/index.html': INDEX,
      '/assets/app.js': APP_JS,
      '/assets/../index.html': INDEX,
      '/./index.html': INDEX,
      '/assets/app.js?v=1#x': APP_JS,
      '/%61ssets/app.js': APP_JS,
      '/assets%2fapp.js': APP_JS, // an encoded slash inside the root is still inside the root
    };
    for (const [p, body] of Object.entries(served)) {
      const r = await raw({ path: p });
      expect([r.status, r.body], p).toEqual([200, body]);
    }
    const tricks = [
      '/../secret.txt', '/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/..%2fsecret.txt', '/..%2Fsecret.txt', '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '/%2e%2e%5csecret.txt', '/..\\secret.txt',
      '/%252e%252e/secret.txt', '/%252e%252e%252fsecret.txt', '/%25252e%25252e/secret.txt', '/%c0%ae%c0%ae/secret.txt', '/%e0%80%ae%e0%80%ae/secret.txt',
      '/%uff0e%uff0e/secret.txt', '/\uff0e\uff0e/secret.txt'.normalize('NFKC'), '/index.html%00', '/index.html%00.js', '/%00/../secret.txt',
      '/../web-secret/secret.txt', '/%2e%2e/web-secret/secret.txt', '/..%2fweb-secret%2fsecret.txt', '/../data/stationdesk.sqlite',
      '/%2e%2e/data/stationdesk.sqlite', '/%2e%2e%2fdata%2fstationdesk.sqlite', '/%2F..%2Fsecret.txt', '/%2F%2F..%2F..%2Fsecret.txt',
      `/${'../'.repeat(30)}etc/passwd`, `/${'%2e%2e%2f'.repeat(30)}etc/passwd`, '/%2fetc%2fpasswd', '//etc/passwd', '/assets//../../secret.txt',
      'http://127.0.0.1/../secret.txt', `http://evil.example/${'../'.repeat(5)}secret.txt`, '*', '/.', '/..', '/%2e', '/%2e%2e',
    ];
    for (const p of tricks) {
      const r = await raw({ path: p });
      expectNothingOutside(r, p);
      expect(r.status, `${p}: ${r.body.slice(0, 100)}`).not.toBe(200);
      expect([0, 400, 404], `${p}: ${r.status}`).toContain(r.status);
    }
    // Overlong paths: inside Node's header limit a plain 404; beyond it Node's own 431.
    for (const p of [`/${'a/'.repeat(4000)}index.html`, `/${'%2e%2e%2f'.repeat(1500)}secret.txt`, `/${'a'.repeat(20_000)}`, `/${'../'.repeat(10_000)}secret.txt`]) {
      const r = await raw({ path: p });
      expectNothingOutside(r, `overlong ${p.length}`);
      expect([0, 404, 414, 431], `overlong ${p.length}: ${r.status}`).toContain(r.status);
    }
  });

  it('never serves anything outside the root for random paths and methods', async () => {
    const segment = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2f', '%2F', '%5c', '%5C', '%00', '%252e%252e', '%252f', '%c0%ae', 'secret.txt', 'web-secret', 'data', 'stationdesk.sqlite', 'assets', 'index.html', 'app.js', '', '~', '%') },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }).map(encodeURIComponent) },
    );
    const soup = fc.array(segment, { minLength: 1, maxLength: 8 }).map((parts) => '/' + parts.join('/'));
    const method = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE');
    await fc.assert(
      fc.asyncProperty(fc.oneof(soup, fc.webPath()), method, async (p0, m) => {
        const p = p0.startsWith('/') ? p0 : `/${p0}`;
        const r = await raw({ method: m, path: p });
        const label = `${m} ${p}`;
        expectNothingOutside(r, label, m);
        if (p.startsWith('/rpc/')) {
          // Not a static path: non-POST is 405; POST without a token is 401.
          expect(r.status, label).toBe(m === 'POST' ? 401 : 405);
        } else if (m !== 'GET' && m !== 'HEAD') {
          expectRefusal(r, 405, 'BAD_REQUEST', label);
        } else {
          expect([0, 200, 400, 404], `${label}: ${r.status}`).toContain(r.status);
        }
      }),
      { seed: SEED + 7, numRuns: 80 },
    );
  });

  it('refuses every method but GET and HEAD on files, and every method but POST on procedures', async () => {
    const methods = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'PURGE', 'SEARCH', 'REPORT', 'LINK', 'UNLINK'];
    for (const m of methods) {
      for (const p of ['/', '/index.html', '/../secret.txt']) expectRefusal(await raw({ method: m, path: p }), 405, 'BAD_REQUEST', `${m} ${p}`);
      expectRefusal(await raw({ method: m, path: '/rpc/setup.status', headers: tokenHeaders(), body: '{}' }), 405, 'BAD_REQUEST', `${m} rpc`);
    }
    expectRefusal(await raw({ method: 'GET', path: '/rpc/setup.status', headers: tokenHeaders() }), 405, 'BAD_REQUEST', 'GET rpc');
    const head = await raw({ method: 'HEAD', path: '/rpc/setup.status', headers: tokenHeaders() });
    expect([head.status, head.body], 'HEAD rpc').toEqual([405, '']); // HEAD answers carry no body
    // Methods Node's parser does not know, and CONNECT (no handler): refused before the host, connection closed.
    for (const m of ['FOO', 'CONNECT', 'BREW']) {
      const r = await raw({ method: m, path: m === 'CONNECT' ? '127.0.0.1:1' : '/index.html' });
      expect(r.status === 0 || r.status >= 400, `${m}: ${r.status}`).toBe(true);
      expectNothingOutside(r, m);
    }
  });

  it('is still up afterwards, and nothing refused changed the database', async () => {
    const r = await raw({ method: 'POST', path: '/rpc/setup.status', headers: tokenHeaders(), body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { initialized: true, stationName: '测试区救助管理站' } });
    const s = await raw({ path: '/' });
    expect([s.status, s.body]).toEqual([200, INDEX]);
    expect(contentHash(core)).toBe(hashAtStart);
    // Bounded, and the properties above really sent their requests.
    expect(requests).toBeGreaterThan(400);
    expect(requests).toBeLessThan(1000);
  });
});
