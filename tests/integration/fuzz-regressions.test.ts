/**
 * Inputs the IPC fuzz suite (tests/torture/fuzz.ts) found to fail, each kept here as a plain test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { team } from '../fixtures/team';
import { cleanVaultsAfterEach } from '../fixtures/vault';

const vaults = cleanVaultsAfterEach(afterEach);

describe('search text with control characters', () => {
  // A NUL inside an FTS5 query ends SQLite's reading of the phrase ("unterminated string"): it was INTERNAL.
  it('organisations:search and cases:list answer a query holding a NUL like any other text', async () => {
    const t = await team(vaults);
    await t.as('sup.c');
    for (const query of ['a\u0000b', '\u0000', 'ab\u0000', 'abc\u0000def', 'x\u0001\u001fy']) {
      const orgs = await t.core.dispatch('organisations:search', { query });
      expect(orgs.ok ? 'ok' : orgs.error.code, `organisations:search ${JSON.stringify(query)}`).toBe('ok');
      const cases = await t.core.dispatch('cases:list', { filter: { query } });
      expect(cases.ok ? 'ok' : cases.error.code, `cases:list ${JSON.stringify(query)}`).toBe('ok');
    }
  });
});
