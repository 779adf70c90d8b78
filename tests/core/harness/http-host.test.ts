import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core';
import { MAX_BODY_BYTES, startHttpHost, type HttpHost } from '../../../electron/host/http';
import { tempDir } from '../helpers';

let core: Core;
let host: HttpHost;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  const web = path.join(dir, 'web');
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the web root');
  core = openCore({ dataDir: path.join(dir, 'data'), logger: { info() {}, error() {} } });
  host = await startHttpHost({ dispatch: core.dispatch, staticRoot: web, port: 0 });
});
afterAll(async () => {
  await host.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function raw(method: string, urlPath: string, headers: Record<string, string | number> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method, path: urlPath, headers: { host: `127.0.0.1:${host.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const rpc = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  raw('POST', `/rpc/${name}`, { 'content-type': 'application/json', 'x-stationdesk-token': host.token, ...headers }, JSON.stringify(input));
const code = (r: Reply) => (JSON.parse(r.body) as { error?: { code: string } }).error?.code;

describe('the browser host', () => {
  it('listens on 127.0.0.1 only and prints a launch URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.launchUrl).toBe(`${host.url}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a procedure with the dispatcher’s Result', async () => {
    const r = await rpc('setup.status', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { initialized: false, stationName: null } });
    expect(code(await rpc('no.such', {}))).toBe('UNKNOWN_PROCEDURE');
  });

  it('serves the renderer with a strict CSP', async () => {
    const r = await raw('GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await raw('GET', '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('refuses calls without the launch token or with a wrong one', async () => {
    const none = await raw('POST', '/rpc/setup.status', { 'content-type': 'application/json' }, '{}');
    expect([none.status, code(none)]).toEqual([401, 'UNAUTHENTICATED']);
    const wrong = await rpc('setup.status', {}, { 'x-stationdesk-token': 'x'.repeat(host.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await rpc('setup.status', {}, { host: 'evil.example:80' })).status).toBe(421);
    expect((await raw('GET', '/', { host: `attacker.test:${host.port}` })).status).toBe(421);
    expect((await rpc('setup.status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await rpc('setup.status', {}, { origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses wrong content types, malformed JSON and GET on procedures', async () => {
    const form = await raw('POST', '/rpc/setup.status', { 'content-type': 'text/plain', 'x-stationdesk-token': host.token }, '{}');
    expect(form.status).toBe(415);
    const broken = await raw('POST', '/rpc/setup.status', { 'content-type': 'application/json', 'x-stationdesk-token': host.token }, '{"a":');
    expect([broken.status, code(broken)]).toEqual([400, 'BAD_REQUEST']);
    expect((await raw('GET', '/rpc/setup.status', { 'x-stationdesk-token': host.token })).status).toBe(405);
    expect((await raw('DELETE', '/')).status).toBe(405);
  });

  it('refuses bodies over the limit, declared or streamed', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 10, 0x20);
    const declared = await raw('POST', '/rpc/setup.status', { 'content-type': 'application/json', 'x-stationdesk-token': host.token, 'content-length': big.length }, big);
    expect(declared.status).toBe(413);
    const streamed = await raw('POST', '/rpc/setup.status', { 'content-type': 'application/json', 'x-stationdesk-token': host.token, 'transfer-encoding': 'chunked' }, big);
    expect(streamed.status).toBe(413);
    expect((await rpc('setup.status', {})).status).toBe(200); // and the host still answers
  });

  it('keeps static paths inside the build folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/%00', '/%E0%A4%A']) {
      const r = await raw('GET', p);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('outside the web root');
    }
  });
});
