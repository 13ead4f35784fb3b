import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import { CSP } from '../../../electron/csp.js';
import { startWebServer, type RunningWebServer } from '../../../electron/web/server.js';
import { tempDir, testBackend } from '../../helpers/db.js';

let running: RunningWebServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serve() {
  const t = testBackend();
  const staticDir = tempDir();
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Banhchi</title>');
  running = await startWebServer({ backend: t.backend, staticDir });
  return { t, server: running };
}

/** Raw HTTP so the Host and Origin headers can be forged (fetch does not allow that). */
function send(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const callOp = (port: number, token: string, op: string, input: unknown, extra: Record<string, string> = {}) =>
  send(port, {
    path: `/api/call/${op}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-banhchi': '1', 'x-banhchi-token': token, ...extra },
    body: JSON.stringify({ input }),
  });

describe('web server', () => {
  it('refuses every path without the token', async () => {
    const { server } = await serve();
    for (const p of ['/', '/index.html', '/api/events', '/api/call/app.info', '/nope', `/?token=${'x'.repeat(server.token.length)}`]) {
      const response = await send(server.port, { path: p, method: p.startsWith('/api/call') ? 'POST' : 'GET' });
      expect(response.status, p).toBe(401);
    }
  });

  it('refuses a foreign Host header with 421 and a foreign Origin with 403', async () => {
    const { server } = await serve();
    const wrongHost = await send(server.port, { path: `/?token=${server.token}`, headers: { host: `evil.example:${server.port}` } });
    expect(wrongHost.status).toBe(421);
    const foreign = await callOp(server.port, server.token, 'app.info', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const noHeader = await send(server.port, { path: '/api/call/app.info', method: 'POST', headers: { 'x-banhchi-token': server.token }, body: '{}' });
    expect(noHeader.status).toBe(403);
  });

  it('serves the UI with the token, sets the cookie and the CSP', async () => {
    const { server } = await serve();
    const page = await send(server.port, { path: `/?token=${server.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Banhchi</title>');
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const traversal = await send(server.port, { path: `/..%2f..%2fetc%2fpasswd?token=${server.token}` });
    expect(traversal.status).toBe(404);
  });

  it('gives the same results over HTTP as in-process, and they survive structuredClone as JSON does', async () => {
    const { t, server } = await serve();
    const inputs: [string, unknown][] = [
      ['app.info', {}],
      ['office.get', {}],
      ['info.get', {}],
      ['settings.get', { key: 'language' }],
      ['reference.codeLists', {}],
      ['reference.nationalities', {}],
      ['reference.versions', {}],
      ['gazetteer.units', { level: 'province' }],
      ['history.forRecord', { entity: 'admin_unit', recordId: '12' }],
      ['office.setup', { level: 'bogus', unitCode: '1', name: '' }],
      ['no.such.op', {}],
    ];
    for (const [op, input] of inputs) {
      const local = await t.backend.call(op, input, LOCAL_OPERATOR);
      const remote = await callOp(server.port, server.token, op, input);
      expect(remote.status, op).toBe(200);
      expect(JSON.parse(remote.body), op).toEqual(local);
      expect(structuredClone(local), op).toEqual(JSON.parse(JSON.stringify(local)));
    }
  });
});
