/**
 * The app:// protocol: serves the built renderer (out/renderer) and nothing else.
 * Trusts nothing in the request URL: a path that leaves the renderer folder is refused.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, isAppUrl } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './window.config';

/** Only the file types the renderer build emits; anything else is a 404. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * Must run before the app is ready. `standard` + `secure` give app://mamori a real origin with
 * secure-context rules; fetch() and CORS stay off: the renderer has nothing to fetch.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false },
    },
  ]);
}

/**
 * Maps an app:// URL to a file inside `rendererDir`, or null. Never returns a path outside it:
 * percent-decoded `..`, `%2F`, backslashes and NUL bytes are all caught by the final containment check.
 */
export function resolveAppPath(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';

  const root = resolve(rendererDir);
  const target = resolve(root, `.${pathname.startsWith('/') ? pathname : `/${pathname}`}`);
  if (!target.startsWith(root + sep)) return null;
  return target;
}

export function mimeTypeFor(filePath: string): string | undefined {
  return MIME_TYPES[extname(filePath).toLowerCase()];
}

function securityHeaders(contentType?: string): Record<string, string> {
  return {
    ...(contentType ? { 'Content-Type': contentType } : {}),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
}

type ReadFile = (path: string) => Promise<Uint8Array>;

/** The handler as a plain function of a Request, so it can be tested without Electron. */
export function createAppRequestHandler(
  rendererDir: string,
  read: ReadFile = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') {
      return new Response(null, { status: 405, headers: securityHeaders() });
    }
    const filePath = resolveAppPath(rendererDir, request.url);
    const contentType = filePath ? mimeTypeFor(filePath) : undefined;
    if (!filePath || !contentType) return notFound();
    try {
      const body = await read(filePath);
      return new Response(body as BodyInit, { status: 200, headers: securityHeaders(contentType) });
    } catch {
      return notFound();
    }
  };
}

/** Serves the renderer on the window's (in-memory) session only. */
export function registerAppProtocol(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
