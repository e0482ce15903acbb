/**
 * Every channel's handler, merged from one slice per feature the same way contract.ts merges the
 * contract's slices. A channel without a handler, or a handler without a channel, does not compile.
 */
import type { Channel } from '../common/channels';
import { auditHandlers } from './audit/audit.handlers';
import { backupHandlers } from './backup/backup.handlers';
import { casesHandlers } from './cases/cases.handlers';
import { decisionsHandlers } from './decisions/decisions.handlers';
import { exportsHandlers } from './exports/exports.handlers';
import type { Handler } from './handler';
import { interpretersHandlers } from './interpreters/interpreters.handlers';
import { interviewsHandlers } from './interviews/interviews.handlers';
import { protectionHandlers } from './protection/protection.handlers';
import { retentionHandlers } from './retention/retention.handlers';
import { sealingHandlers } from './sealing/sealing.handlers';
import { organisationsHandlers } from './organisations/organisations.handlers';
import { sessionHandlers } from './session/session.handlers';
import { settingsHandlers } from './settings/settings.handlers';
import { statisticsHandlers } from './statistics/statistics.handlers';
import { usersHandlers } from './users/users.handlers';
import { vaultHandlers } from './vault/vault.handlers';
import { workHandlers } from './work/work.handlers';

export const handlers: { [C in Channel]: Handler<C> } = {
  ...vaultHandlers,
  ...sessionHandlers,
  ...settingsHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...casesHandlers,
  ...interpretersHandlers,
  ...interviewsHandlers,
  ...protectionHandlers,
  ...workHandlers,
  ...decisionsHandlers,
  ...exportsHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...sealingHandlers,
  ...organisationsHandlers,
  ...statisticsHandlers,
};
