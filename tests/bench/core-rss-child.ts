/**
 * The core alone in a process, as in the app's main process: signs in to the vault given as the
 * first argument, warms up on what an officer's day touches (lists, searches, cases, My work), and
 * prints its resident set as JSON. Run by `coreRss` (core-rss.ts).
 */
import { createCore } from '../../electron/core/index';
import { ok } from '../fixtures/vault';

async function main(): Promise<void> {
  const [dataDir, username, passphrase] = process.argv.slice(2);
  const core = createCore({ dataDir });
  await ok(core, 'session:signIn', { username, passphrase });
  const list = (filter: Record<string, unknown>, offset = 0) => ok<{ rows: { id: string }[] }>(core, 'cases:list', { filter, sort: 'updated', offset, limit: 50 });
  const ids: string[] = [];
  for (let round = 0; round < 3; round++) {
    for (let page = 0; page < 20; page++) ids.push(...(await list({}, page * 50)).rows.map((c) => c.id));
    for (const filter of [{ stage: 'protection' }, { exploitationType: 'labour-titp' }, { deadlineWithinDays: 30 }, { query: 'bautista' }, { query: 'le' }, { query: 'ぐえん' }, { query: 'unpaid wages' }]) await list(filter);
    for (const id of ids.slice(round * 50, round * 50 + 50)) await ok(core, 'cases:get', { caseId: id });
    await ok(core, 'work:mine', {});
  }
  const rss = process.memoryUsage().rss;
  await core.close();
  process.stdout.write(JSON.stringify({ rss }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`core RSS child: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
