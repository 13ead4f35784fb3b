import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ProgressEvent } from '../../shared/contract/api.js';
import type { Backend } from '../backend/backend.js';
import { CSP } from '../csp.js';
import { refusePageCall } from '../page-calls.js';
import { Sessions } from '../sessions.js';

/**
 * `npm run web`: the same UI and backend over HTTP, for development and end-to-end tests on
 * machines without Electron. Loopback only, one random token per run, Host header checked
 * (DNS rebinding), and every request without the token refused.
 */
export interface WebServerOptions {
  backend: Backend;
  /** The Vite build of the renderer. */
  staticDir: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'banhchi_token';
/** Which browser session is calling; who is signed in there is kept here, never sent by the page. */
const SESSION_COOKIE = 'banhchi_session';
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};
/** Same policy as the Electron window's app:// responses. */
export const WEB_CSP = CSP;

export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const sseClients = new Set<ServerResponse>();
  const unsubscribe = options.backend.onProgress((event: ProgressEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(line);
  });
  let port = 0;
  const sessions = new Sessions(options.backend);

  const tokenMatches = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(res, 421, 'wrong host');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const queryToken = url.searchParams.get('token') ?? undefined;
    const authorised = tokenMatches(queryToken) || tokenMatches(readCookie(req, COOKIE)) || tokenMatches(header(req, 'x-banhchi-token'));
    if (!authorised) return refuse(res, 401, 'token required: open the address printed by npm run web');
    const cookies: string[] = [];
    if (tokenMatches(queryToken)) cookies.push(`${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    let sessionKey = readCookie(req, SESSION_COOKIE);
    if (!sessionKey || !/^[A-Za-z0-9_-]{32}$/.test(sessionKey)) {
      sessionKey = randomBytes(24).toString('base64url');
      cookies.push(`${SESSION_COOKIE}=${sessionKey}; HttpOnly; SameSite=Strict; Path=/`);
    }
    if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return refuse(res, 403, 'foreign origin');
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      const match = /^\/api\/call\/([A-Za-z0-9.]+)$/.exec(url.pathname);
      if (!match || req.method !== 'POST') return refuse(res, 404, 'no such endpoint');
      // A custom header forces a CORS preflight, which this server never answers.
      if (header(req, 'x-banhchi') !== '1') return refuse(res, 403, 'missing x-banhchi header');
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req, maxBody)).toString('utf8') || '{}');
      } catch {
        return sendJson(res, 200, { ok: false, error: { code: 'boundary.invalidRequest', params: { op: match[1] ?? '' } } });
      }
      const input = (body as { input?: unknown }).input;
      // The page's contract only: no CLI operation, no file path; files come as uploads and leave as downloads.
      const refused = refusePageCall(match[1] ?? '', input);
      if (refused) return sendJson(res, 200, { ok: false, error: refused });
      // The actor is the browser session's signed-in user, never something the page sends.
      const result = await sessions.call(sessionKey, match[1] ?? '', input);
      return sendJson(res, 200, result);
    }
    return serveStatic(options.staticDir, url.pathname, res);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) refuse(res, (error as { status?: number }).status ?? 500, 'request failed');
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const client of sseClients) client.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${status} ${reason}\n`);
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(path.resolve(root) + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    return refuse(res, 404, 'not found');
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': WEB_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}
