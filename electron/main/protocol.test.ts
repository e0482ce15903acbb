import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const { registerSchemesAsPrivileged } = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn() }));
vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged }, BrowserWindow: class {} }));

import type { Session } from 'electron';
import {
  createAppRequestHandler,
  mimeTypeFor,
  registerAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from './protocol';
import { CONTENT_SECURITY_POLICY } from './window.config';

const ROOT = join(sep, 'app', 'out', 'renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://mamori/', 'index.html'],
    ['app://mamori', 'index.html'],
    ['app://mamori/index.html', 'index.html'],
    ['app://mamori/assets/index-abc.js', join('assets', 'index-abc.js')],
    ['app://mamori/assets/noto%20sans.woff2', join('assets', 'noto sans.woff2')],
    ['app://mamori/index.html?x=1#top', 'index.html'],
    // WHATWG URL parsing already removes dot segments, so these stay inside.
    ['app://mamori/../../etc/passwd', join('etc', 'passwd')],
    ['app://mamori/%2e%2e/%2e%2e/etc/passwd', join('etc', 'passwd')],
  ])('maps %s inside the renderer folder', (url, relative) => {
    expect(resolveAppPath(ROOT, url)).toBe(join(ROOT, relative));
  });

  it.each([
    ['an encoded slash climbing out', 'app://mamori/..%2F..%2Fetc%2Fpasswd'],
    ['an encoded slash from a subfolder', 'app://mamori/assets/..%2F..%2F..%2Fsecret.html'],
    ['the renderer folder itself', 'app://mamori/.%2F'],
    ['a sibling folder with the same prefix', 'app://mamori/..%2Frenderer-evil%2Findex.html'],
    ['a NUL byte', 'app://mamori/index.html%00.png'],
    ['a malformed escape', 'app://mamori/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://mamori:1/index.html'],
    ['another scheme', 'file:///app/out/renderer/index.html'],
    ['https', 'https://mamori/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.woff', 'font/woff'],
    ['A.PNG', 'image/png'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it.each(['a.exe', 'a.map', 'a', 'a.db'])('has no type for %s (so it is never served)', (file) => {
    expect(mimeTypeFor(file)).toBeUndefined();
  });
});

describe('the app:// request handler', () => {
  let base: string;
  let root: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mamori-protocol-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Mamori</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'notes.txt'), 'not a renderer file type');
    await mkdir(join(root, 'folder.js'));
    await writeFile(join(base, 'secret.html'), 'outside the renderer folder');
    handle = createAppRequestHandler(root);
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves index.html for the root with its type and the CSP', async () => {
    const response = await handle(new Request('app://mamori/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Mamori</title>');
  });

  it('serves a script', async () => {
    const response = await handle(new Request('app://mamori/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['a missing file', 'app://mamori/nope.js'],
    ['a folder', 'app://mamori/folder.js'],
    ['an unlisted file type', 'app://mamori/assets/notes.txt'],
    ['a file outside the renderer folder', 'app://mamori/..%2Fsecret.html'],
    ['another host', 'app://evil/index.html'],
  ])('answers 404 with the CSP for %s', async (_name, url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('outside the renderer folder');
  });

  it('refuses anything but GET', async () => {
    const response = await handle(new Request('app://mamori/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('registration', () => {
  it('registers app: as standard and secure, without fetch or CORS', () => {
    registerAppScheme();
    expect(registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
    ]);
  });

  it('serves app: on the session it is given', () => {
    const handleScheme = vi.fn();
    registerAppProtocol({ protocol: { handle: handleScheme } } as unknown as Session, ROOT);
    expect(handleScheme).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
  });
});
