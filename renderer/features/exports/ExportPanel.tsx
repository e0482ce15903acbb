import { Alert, Checkbox, Fieldset, Grid, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useState } from 'react';
import type { ExportEntry, ExportRequest } from '../../../electron/common/contract.exports';
import { PROFILES, type Profile, type SealedItem } from '../../../electron/common/summary';
import { ApiError } from '../../api/mamori';
import { currentLocale } from '../../i18n/i18n';
import { useLabels } from '../../i18n/labels';
import { FailureMessage } from '../../ui/ErrorMessage';
import { apiPathErrors, type PathErrors } from '../../ui/forms';
import { SuccessNotice } from '../../ui/SuccessNotice';
import { useFailure } from '../../ui/useFailure';
import { useReveal } from '../../ui/useReveal';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { previewSummary, printSummary, saveSummaryPdf, type SummaryPreview } from './exports.actions';
import { chooseProfile, EMPTY_EXPORT, exportIssueKey, parseExport, sameRequest, sealedAllowed, type ExportDraft } from './exportForm';
import { SummaryPreviewPane } from './SummaryPreviewPane';
import { BusyButton } from '../../ui/BusyButton';

interface ExportPanelProps {
  caseId: string;
  opened: boolean;
  onClose: () => void;
}

type Outcome = { kind: 'done'; entry: ExportEntry } | { kind: 'cancelled' } | null;
type Busy = 'preview' | 'pdf' | 'print' | null;
interface Previewed {
  request: ExportRequest;
  result: SummaryPreview;
}

/**
 * Exporting a case summary (DESIGN.md §7): who it is for, why, and — for a supervisor — which sealed
 * items this one copy may carry and the reason. The preview comes first: only a request that was
 * previewed, unchanged since, can be saved or printed. Unmounted on close, so nothing stays behind.
 */
export function ExportPanel({ caseId, opened, onClose }: ExportPanelProps) {
  const { t } = useLabels();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('exports.panel.title')} size={1240}>
      <ExportForm caseId={caseId} />
    </Dialog>
  );
}

function ExportForm({ caseId }: { caseId: string }) {
  const { t, tx } = useLabels();
  const role = useSessionStore(sessionSelectors.user)?.role;
  const [draft, setDraft] = useState<ExportDraft>(EMPTY_EXPORT);
  const [errors, setErrors] = useState<PathErrors>({});
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const failure = useFailure();
  // The request last previewed, and what the preview showed: a preview with sealed values is hidden after 60 s (DESIGN.md §3).
  const [previewedRequest, setPreviewedRequest] = useState<ExportRequest | null>(null);
  const [plainPreview, setPlainPreview] = useState<Previewed | null>(null);
  const sealedPreview = useReveal<Previewed>();
  const shown = sealedPreview.revealed?.value ?? plainPreview;

  const supervisor = role === 'supervisor';
  const allowed = sealedAllowed(draft.profile);
  const error = (path: string) => (errors[path] ? tx(errors[path]) : undefined);
  const change = (next: ExportDraft) => {
    setDraft(next);
    setOutcome(null);
  };
  const parsed = () => {
    const result = parseExport(caseId, supervisor ? draft : { ...draft, sealedItems: [] }, currentLocale());
    setErrors(result.ok ? {} : result.errors);
    return result.ok ? result.data : null;
  };
  const current = parseExport(caseId, supervisor ? draft : { ...draft, sealedItems: [] }, currentLocale());
  const mayDeliver = current.ok && previewedRequest !== null && sameRequest(current.data, previewedRequest);

  const run = async (kind: Exclude<Busy, null>, action: (request: ExportRequest) => Promise<void>) => {
    failure.clear();
    setOutcome(null);
    const request = parsed();
    if (!request) return;
    setBusy(kind);
    try {
      await action(request);
    } catch (caught) {
      const fields = apiPathErrors(caught, '', exportIssueKey);
      if (fields) setErrors(fields);
      if (caught instanceof ApiError && caught.code === 'EXPORT_CANCELLED') setOutcome({ kind: 'cancelled' });
      else failure.report(caught);
    } finally {
      setBusy(null);
    }
  };

  const preview = () =>
    run('preview', async (request) => {
      const result = await previewSummary(request);
      const shownNow = { request, result };
      setPreviewedRequest(request);
      if (result.document.sealedIncluded.length > 0) {
        setPlainPreview(null);
        sealedPreview.show(shownNow);
      } else {
        sealedPreview.hide();
        setPlainPreview(shownNow);
      }
    });
  const deliver = (kind: 'pdf' | 'print') =>
    run(kind, async (request) => {
      const entry = await (kind === 'pdf' ? saveSummaryPdf : printSummary)(request);
      setOutcome({ kind: 'done', entry });
    });

  return (
    <Stack gap="lg">
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Text size="sm">{t('exports.panel.intro')}</Text>
            <Radio.Group label={t('exports.panel.profile')} required value={draft.profile} onChange={(value) => change(chooseProfile(draft, value as Profile))} error={error('profile')}>
              <Stack gap="sm" mt="xs">
                {PROFILES.map((profile) => (
                  <Radio key={profile} value={profile} label={t(`summary.profile.${profile}`)} description={t(`summary.profileFor.${profile}`)} data-testid={`export-profile-${profile}`} />
                ))}
              </Stack>
            </Radio.Group>
            <TextInput
              label={t('exports.panel.recipient')}
              description={t('exports.panel.recipientHint')}
              required
              maxLength={200}
              autoComplete="off"
              value={draft.recipient}
              onChange={(event) => change({ ...draft, recipient: event.currentTarget.value })}
              error={error('recipient')}
            />
            <Textarea
              label={t('exports.panel.purpose')}
              description={t('exports.panel.purposeHint')}
              required
              maxLength={500}
              rows={2}
              value={draft.purpose}
              onChange={(event) => change({ ...draft, purpose: event.currentTarget.value })}
              error={error('purpose')}
            />
            {supervisor && draft.profile && <SealedChoice draft={draft} allowed={allowed} onChange={change} error={error} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {shown && (
            <SummaryPreviewPane
              preview={shown.result}
              purpose={shown.request.purpose}
              locale={shown.request.locale}
              hidesIn={sealedPreview.revealed ? sealedPreview.secondsLeft : null}
              onHide={sealedPreview.hide}
            />
          )}
        </Grid.Col>
      </Grid>
      {/* Stays in view while the long preview scrolls: the buttons, and what they did. */}
      <Stack gap="sm" pos="sticky" bottom={0} py="sm" bg="white" style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }} data-testid="export-actions">
        <Group gap="sm">
          <BusyButton variant="default" busy={busy === 'preview'} disabled={busy !== null && busy !== 'preview'} onClick={() => void preview()} data-testid="export-preview">
            {t('exports.panel.preview')}
          </BusyButton>
          <BusyButton busy={busy === 'pdf'} disabled={!mayDeliver || (busy !== null && busy !== 'pdf')} onClick={() => void deliver('pdf')} data-testid="export-save-pdf">
            {t('exports.panel.save')}
          </BusyButton>
          <BusyButton variant="outline" busy={busy === 'print'} disabled={!mayDeliver || (busy !== null && busy !== 'print')} onClick={() => void deliver('print')} data-testid="export-print">
            {t('exports.panel.print')}
          </BusyButton>
        </Group>
        {!mayDeliver && (
          <Text size="sm" c="dimmed" data-testid="export-preview-first">
            {t(previewedRequest ? 'exports.panel.changed' : 'exports.panel.previewFirst')}
          </Text>
        )}
        <FailureMessage failure={failure} />
        <OutcomeNotice outcome={outcome} />
      </Stack>
    </Stack>
  );
}

function SealedChoice({ draft, allowed, onChange, error }: { draft: ExportDraft; allowed: readonly SealedItem[]; onChange: (d: ExportDraft) => void; error: (path: string) => string | undefined }) {
  const { t } = useLabels();
  return (
    <Fieldset legend={t('exports.sealed.title')} variant="filled">
      {allowed.length === 0 ? (
        <Text size="sm">{t('exports.sealed.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('exports.sealed.hint')}</Text>
          <Checkbox.Group label={t('exports.sealed.items')} value={draft.sealedItems} onChange={(items) => onChange({ ...draft, sealedItems: items as SealedItem[] })} error={error('sealed.items')}>
            <Stack gap={6} mt="xs">
              {allowed.map((item) => (
                <Checkbox key={item} value={item} label={t(`summary.sealedItem.${item}`)} data-testid={`export-sealed-${item}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          {draft.sealedItems.length > 0 && (
            <Textarea
              label={t('reason.label')}
              description={t('reason.description')}
              required
              rows={2}
              maxLength={500}
              value={draft.reason}
              onChange={(event) => onChange({ ...draft, reason: event.currentTarget.value })}
              error={error('sealed.reason')}
              data-testid="export-sealed-reason"
            />
          )}
        </Stack>
      )}
    </Fieldset>
  );
}

function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  const { t } = useLabels();
  if (!outcome) return null;
  if (outcome.kind === 'cancelled') {
    // Not a failure: the user chose not to; say plainly that nothing left the vault or was recorded.
    return (
      <Alert role="status" color="gray" variant="light" title={t('exports.cancelled.title')} data-testid="export-cancelled">
        {t('errors.EXPORT_CANCELLED')}
      </Alert>
    );
  }
  const { entry } = outcome;
  return (
    <div data-testid="export-done">
      <SuccessNotice title={t('exports.done.title', { number: entry.number })}>
        {t('exports.done.body', { medium: t(`exports.medium.${entry.medium}`), copy: entry.copy, count: entry.pages })}
      </SuccessNotice>
    </div>
  );
}
