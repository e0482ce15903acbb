/**
 * The one origin the renderer is served from. Everything the main process trusts about a
 * page (IPC senders, navigation targets, network requests) is decided by `isAppUrl`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mamori';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The print view: the same app, started in print mode (no bridge, no session), in a hidden window. */
export const APP_PRINT_URL = `${APP_ORIGIN}/index.html#print`;

/**
 * True only for `app://mamori/…`: no other host, no port, no credentials.
 * Node's URL gives custom schemes an opaque origin ("null"), so compare the parts instead.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  );
}
