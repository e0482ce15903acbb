/**
 * The resident set of core after warm-up (issue 17, goal < 300 MB at 100,000 cases), measured in a
 * process of its own: the benchmark's process also holds its raw baseline connection, the seeding's
 * leftovers and its results, which the app's main process does not.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export async function coreRss(dataDir: string, credentials: { username: string; passphrase: string }): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'core-rss-child.ts'), dataDir, credentials.username, credentials.passphrase], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the core RSS child exited with ${code}`);
  return (JSON.parse(out.trim().split('\n').pop()!) as { rss: number }).rss;
}
