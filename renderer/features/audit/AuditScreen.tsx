import { Button, Group, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditAnchorSchema, type AuditFilter, type SignatureScope } from '../../../electron/common/contract.audit';
import { formatNumber } from '../../i18n/format';
import { FailureMessage } from '../../ui/ErrorMessage';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { useFailure, type Failure } from '../../ui/useFailure';
import {
  applyAuditFilter,
  exportAuditCsv,
  loadActors,
  showNewer,
  showNewest,
  showOlder,
  verifyAuditChain,
} from './audit.actions';
import { auditSelectors, useAuditStore } from './audit.store';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { EMPTY_DRAFT, type AuditFilterDraft } from './auditFilter';
import { ChainVerificationResult } from './ChainVerificationResult';
import { RoutineCheckStatus } from './RoutineCheck';
import { BusyButton } from '../../ui/BusyButton';

/** Runs one of the screen's actions with its busy flag; a refusal is shown next to what was tried. */
async function run(failure: Failure, setBusy: (busy: boolean) => void, action: () => Promise<void>): Promise<void> {
  failure.clear();
  setBusy(true);
  try {
    await action();
  } catch (error) {
    failure.report(error);
  } finally {
    setBusy(false);
  }
}

/** Auditors and administrators: the access trail, one page at a time, its verification and its export. */
export function AuditScreen() {
  const { t } = useTranslation();
  const loaded = useAuditStore(auditSelectors.loaded);
  const verification = useAuditStore(auditSelectors.verification);
  const verifyProgress = useAuditStore(auditSelectors.verifyProgress);
  // The routine check after sign-in reports progress on the same channel: one verification at a time.
  const routineRunning = useAuditStore(auditSelectors.routineRunning);
  const exported = useAuditStore(auditSelectors.exported);
  const pageFailure = useFailure();
  const toolFailure = useFailure();
  const [paging, setPaging] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [exporting, setExporting] = useState(false);
  // Anchors an auditor wrote down earlier (outside this computer), to check the trail against.
  const [anchorText, setAnchorText] = useState('');
  const [anchorError, setAnchorError] = useState<string | null>(null);

  const { report: reportPageFailure } = pageFailure;
  useEffect(() => {
    if (!useAuditStore.getState().loaded) applyAuditFilter({}, EMPTY_DRAFT).catch(reportPageFailure);
    // Every time: accounts added since the last visit must be in the "who" filter.
    loadActors().catch(reportPageFailure);
  }, [reportPageFailure]);

  const page = (move: () => Promise<void>) => void run(pageFailure, setPaging, move);
  const tool = (action: () => Promise<void>, setBusy: (busy: boolean) => void) => void run(toolFailure, setBusy, action);
  const verify = (signatures: SignatureScope) => {
    const anchors = anchorText.split(/[\s,]+/).filter(Boolean);
    const bad = anchors.find((a) => !AuditAnchorSchema.safeParse(a).success);
    setAnchorError(bad === undefined ? null : t('audit.anchor.format', { anchor: bad }));
    if (bad === undefined) tool(() => verifyAuditChain(anchors, signatures), setVerifying);
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={2}>{t('audit.title')}</Title>
        <Group gap="sm">
          <ExportStatus result={exported} />
          <BusyButton variant="default" busy={verifying} disabled={routineRunning} onClick={() => verify('since-checkpoint')}>
            {t('audit.verify.action')}
          </BusyButton>
          <Button variant="default" disabled={verifying || routineRunning} onClick={() => verify('all')}>
            {t('audit.verify.deepAction')}
          </Button>
          <BusyButton variant="default" busy={exporting} onClick={() => tool(exportAuditCsv, setExporting)}>
            {t('audit.export.action')}
          </BusyButton>
        </Group>
      </Group>
      <TextInput
        label={t('audit.anchor.label')}
        description={t('audit.anchor.hint')}
        placeholder="1234:9f86d081"
        value={anchorText}
        onChange={(event) => setAnchorText(event.currentTarget.value)}
        error={anchorError}
        spellCheck={false}
        maw={560}
      />
      <Text size="sm" c="dimmed" maw={560}>
        {t('audit.verify.deepHint')}
      </Text>
      <RoutineCheckStatus />
      {verifyProgress && <VerifyProgress done={verifyProgress.done} total={verifyProgress.total} />}
      {verification && <ChainVerificationResult result={verification} />}
      <FailureMessage failure={toolFailure} />

      <Paper withBorder p="lg">
        <AuditFilterForm
          busy={paging}
          onApply={(filter: AuditFilter, draft: AuditFilterDraft) => page(() => applyAuditFilter(filter, draft))}
        />
      </Paper>
      <FailureMessage failure={pageFailure} />
      {loaded ? (
        <Stack gap="sm">
          <Pager busy={paging} onMove={page} />
          <AuditTable />
        </Stack>
      ) : (
        !pageFailure.code && <LoadingIndicator />
      )}
    </Stack>
  );
}

function ExportStatus({ result }: { result: { rows: number; truncated: boolean } | null }) {
  const { t, i18n } = useTranslation();
  const rows = result ? formatNumber(i18n.language, result.rows) : '';
  return (
    <Text role="status" size="sm" c={result?.truncated ? 'orange.9' : 'teal.9'} fw={700}>
      {result === null ? '' : t(result.truncated ? 'audit.export.truncated' : 'audit.export.done', { rows })}
    </Text>
  );
}

/** Keyset paging: newest, one page newer (back along the cursors walked), one page older. */
function Pager({ busy, onMove }: { busy: boolean; onMove: (move: () => Promise<void>) => void }) {
  const { t } = useTranslation();
  const entries = useAuditStore(auditSelectors.entries);
  const hasNewer = useAuditStore(auditSelectors.hasNewer);
  const hasOlder = useAuditStore(auditSelectors.hasOlder);
  return (
    <Group justify="space-between" component="nav" aria-label={t('audit.pager.label')}>
      <Text size="sm" c="dimmed">
        {entries.length > 0
          ? t('audit.pager.range', { newest: entries[0].seq, oldest: entries[entries.length - 1].seq })
          : ''}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={busy} onClick={() => onMove(showNewest)}>
          {t('audit.pager.newest')}
        </Button>
        <Button variant="default" size="xs" disabled={busy || !hasNewer} onClick={() => onMove(showNewer)}>
          {t('audit.pager.newer')}
        </Button>
        <Button variant="default" size="xs" disabled={busy || !hasOlder} onClick={() => onMove(showOlder)}>
          {t('audit.pager.older')}
        </Button>
      </Group>
    </Group>
  );
}

/** How far a running verification has come: entries checked of about how many (a million takes minutes). */
function VerifyProgress({ done, total }: { done: number; total: number }) {
  const { t, i18n } = useTranslation();
  const value = total > 0 ? Math.min(100, Math.round((100 * done) / total)) : 0;
  const text = total > 0 ? t('audit.verify.progress', { done: formatNumber(i18n.language, done), total: formatNumber(i18n.language, total) }) : t('audit.verify.starting');
  return (
    <Stack gap={6} maw={560} data-testid="audit-verify-progress">
      <Progress value={value} size="lg" animated={total === 0} striped={total === 0} aria-label={t('audit.verify.progressLabel')} aria-valuetext={text} />
      <Text size="sm">{text}</Text>
    </Stack>
  );
}
