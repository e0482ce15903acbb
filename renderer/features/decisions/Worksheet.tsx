import { Button, Checkbox, Fieldset, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useId, useState, type ChangeEvent, type Dispatch, type SetStateAction } from 'react';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import { DecisionDraftSchema, type DecisionDraft, type DecisionSummary } from '../../../electron/common/decisions';
import type { ErrorCode } from '../../../electron/common/errors';
import { ART_50_5_FACTORS, PATHWAYS, type Pathway } from '../../../electron/common/guidance';
import { CONSIDERATION_KINDS } from '../../../electron/common/protection';
import { ApiError, errorCodeOf } from '../../api/mamori';
import { useLabels } from '../../i18n/labels';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Section } from '../../ui/Section';
import { offeredStatuses } from '../cases/fields/options';
import { ChecklistLink } from '../cases/page/ChecklistLink';
import { useCasePageStore } from '../cases/page/casePage.store';
import { CaseFailure } from '../cases/page/SaveBar';
import { blockers, documentsOf, draftInput, hasStatus, issueErrors, openDecisionOf, sameDraft, withPathway, type Blocker, type WorksheetForm } from './decisionForms';
import { saveDecisionDraft, submitDecision } from './decisions.actions';
import { BusyButton } from '../../ui/BusyButton';

/** Where an issue is shown next to its own field; any other is listed with what blocks submission. */
const FIELDS = new Set(['pathway', 'proposedStatus', 'proposedPeriod', 'considerationReasons', 'consideration', 'factorReasons', 'summary', 'documents']);

interface WorksheetProps {
  detail: CaseDetail;
  form: WorksheetForm;
  setForm: Dispatch<SetStateAction<WorksheetForm>>;
  /** The open recommendation being drafted or revised after a return; undefined before the first save. */
  editable: DecisionSummary | undefined;
  today: string;
}

/**
 * The officer's recommendation (DESIGN.md §6): pathway, proposed status and period, reasons against
 * the three considerations (and the Art. 50(5) factors for special residence permission), summary
 * and documents. What still blocks submission is listed live, checked as core checks it.
 */
export function Worksheet({ detail, form, setForm, editable, today }: WorksheetProps) {
  const { t, tx, vocab, date } = useLabels();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [saved, setSaved] = useState(false);
  /** Submitting asks first: it freezes the recommendation and the case until a supervisor answers. */
  const [confirming, setConfirming] = useState(false);
  const live = blockers(form, detail, today);
  // Core's refusals about what this form has no field for (the stage, the recorded wish) join the list
  // until the next attempt, should core see the case otherwise than the screen does. Only the live
  // check disables Submit: the user may try again once the case is put right elsewhere.
  const fieldless = Object.entries(errors)
    .filter(([path, key]) => !FIELDS.has(path.split('.')[0]) && !live.some((b) => b.path === path && b.key === key))
    .map(([path, key]) => ({ path, key }));
  const blocking = [...live, ...fieldless];
  const withStatus = hasStatus(form.pathway);
  const srp = form.pathway === 'special-residence-permission';

  /** Changes one field; its refusal from core no longer applies once it is edited. */
  const edit = (path: string, change: (f: WorksheetForm) => WorksheetForm) => {
    setSaved(false);
    setErrors((e) => {
      if (!(path in e)) return e;
      const rest = { ...e };
      delete rest[path];
      return rest;
    });
    setForm(change);
  };
  const error = (path: string) => (errors[path] ? tx(errors[path]) : undefined);
  /** A text field (or native select) of the worksheet: its value, and a change that goes through `edit`. */
  const text = (path: string, value: string, apply: (f: WorksheetForm, value: string) => WorksheetForm) => ({
    value,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
      const next = e.currentTarget.value;
      edit(path, (f) => apply(f, next));
    },
    error: error(path),
  });

  const parsed = DecisionDraftSchema.safeParse(draftInput(form));
  const draft: DecisionDraft | null = parsed.success ? parsed.data : null;

  const report = (caught: unknown) => {
    if (caught instanceof ApiError && caught.issues?.length && (caught.code === 'RECOMMENDATION_INCOMPLETE' || caught.code === 'INVALID_INPUT')) setErrors(issueErrors(caught.issues));
    setFailure(errorCodeOf(caught));
  };

  const save = async () => {
    if (!draft) return;
    setFailure(null);
    setBusy('save');
    try {
      await saveDecisionDraft(draft);
      setSaved(true);
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (!draft || live.length > 0) return;
    setFailure(null);
    setErrors({});
    setSaved(false);
    setBusy('submit');
    try {
      // Core submits what it holds: an unsaved change is saved first, so what is on screen is what is submitted.
      if (!editable || !sameDraft(editable.draft, draft)) await saveDecisionDraft(draft);
      const after = useCasePageStore.getState().detail;
      const open = after ? openDecisionOf(after) : undefined;
      if (!open) throw new ApiError({ code: 'DECISION_STATE', message: 'No open recommendation' });
      await submitDecision(open.id);
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(null);
    }
  };

  const choose = { value: '', label: t('decisions.worksheet.choose') };
  const documents = documentsOf(form.pathway);

  return (
    <Section title={t('decisions.worksheet.title')}>
      <Stack gap="md" component="form" aria-label={t('decisions.worksheet.title')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('decisions.worksheet.pathway')}
            required
            {...text('pathway', form.pathway, (f, value) => withPathway(f, value as Pathway | ''))}
            data={[choose, ...PATHWAYS.map((p) => ({ value: p, label: tx(`guidance.pathway.${p}`) }))]}
            data-testid="decision-pathway"
          />
        </SimpleGrid>
        {withStatus && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('decisions.worksheet.proposedStatus')}
              required
              {...text('proposedStatus', form.proposedStatus, (f, value) => ({ ...f, proposedStatus: value as WorksheetForm['proposedStatus'] }))}
              // 'none' is no status to propose; an intern status is proposed with its type.
              data={[choose, ...offeredStatuses(form.proposedStatus, { withNone: false }).map((s) => ({ value: s, label: vocab('statusOfResidence', s) }))]}
              data-testid="decision-proposed-status"
            />
            <TextInput
              label={t('decisions.worksheet.proposedPeriod')}
              description={t('decisions.worksheet.proposedPeriodHint')}
              required
              maxLength={60}
              {...text('proposedPeriod', form.proposedPeriod, (f, value) => ({ ...f, proposedPeriod: value }))}
              data-testid="decision-proposed-period"
            />
          </SimpleGrid>
        )}

        <Fieldset legend={t('decisions.worksheet.considerationsTitle')} variant="unstyled">
          <Stack gap="sm">
            {CONSIDERATION_KINDS.map((kind) => {
              const current = detail.protection.considerations.find((c) => c.kind === kind);
              const path = `considerationReasons.${kind}`;
              return (
                <Textarea
                  key={kind}
                  label={t('decisions.worksheet.considerationReasons', { kind: vocab('considerationKind', kind) })}
                  description={
                    current
                      ? t('decisions.worksheet.assessed', { level: vocab('considerationLevel', current.level), date: date(current.assessedOn) })
                      : t('decisions.worksheet.notRecorded')
                  }
                  required
                  rows={2}
                  maxLength={4000}
                  {...text(path, form.considerationReasons[kind], (f, value) => ({ ...f, considerationReasons: { ...f.considerationReasons, [kind]: value } }))}
                  error={error(path) ?? error(`consideration.${kind}`)}
                  data-testid={`decision-reason-${kind}`}
                />
              );
            })}
          </Stack>
        </Fieldset>

        {srp && (
          <Fieldset legend={t('decisions.worksheet.factorsTitle')} variant="unstyled" data-testid="decision-factors">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('decisions.worksheet.factorsIntro')}
              </Text>
              {ART_50_5_FACTORS.map((factor) => {
                const path = `factorReasons.${factor}`;
                return (
                  <Textarea
                    key={factor}
                    label={tx(`guidance.factor.${factor}`)}
                    description={tx(`guidance.factorHelp.${factor}`)}
                    required
                    rows={2}
                    maxLength={4000}
                    {...text(path, form.factorReasons[factor], (f, value) => ({ ...f, factorReasons: { ...f.factorReasons, [factor]: value } }))}
                    data-testid={`decision-factor-${factor}`}
                  />
                );
              })}
            </Stack>
          </Fieldset>
        )}

        <Textarea
          label={t('decisions.worksheet.summary')}
          description={t('decisions.worksheet.summaryHint')}
          required
          rows={3}
          maxLength={8000}
          {...text('summary', form.summary, (f, value) => ({ ...f, summary: value }))}
          data-testid="decision-summary"
        />

        {documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('decisions.worksheet.documentsNone')}
          </Text>
        ) : (
          <Checkbox.Group
            label={t('decisions.worksheet.documents')}
            value={form.documents}
            onChange={(value) => edit('documents', (f) => ({ ...f, documents: value }))}
            error={error('documents')}
            data-testid="decision-documents"
          >
            <Stack gap={6} mt={6}>
              {documents.map((code) => (
                <Checkbox key={code} value={code} label={tx(`guidance.document.${code}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}

        <Blockers blocking={blocking} />
        {saved && (
          <Text role="status" size="sm" c="teal.9" fw={600}>
            {t('decisions.worksheet.saved')}
          </Text>
        )}
        <CaseFailure failure={failure} />
        <Group justify="flex-end" gap="sm">
          <BusyButton variant="default" busy={busy === 'save'} disabled={!draft || busy !== null} onClick={() => void save()} data-testid="decision-save">
            {t('decisions.worksheet.save')}
          </BusyButton>
          <Button disabled={live.length > 0 || busy !== null} onClick={() => setConfirming(true)} data-testid="decision-submit">
            {t('decisions.worksheet.submit')}
          </Button>
        </Group>
      </Stack>
      {/* A refusal shows on the worksheet, next to the fields it concerns: the dialog closes either way. */}
      <ConfirmDialog
        opened={confirming}
        title={t('decisions.submitConfirm.title')}
        confirmLabel={t('decisions.worksheet.submit')}
        busy={busy === 'submit'}
        onConfirm={() => void submit().then(() => setConfirming(false))}
        onCancel={() => setConfirming(false)}
      >
        <Stack gap="xs" data-testid="decision-submit-consequence">
          <Text size="sm">{t('decisions.submitConfirm.frozen', { approval: vocab('stage', 'approval') })}</Text>
          <Text size="sm">{detail.supervisor ? t('decisions.submitConfirm.toSupervisor', { name: detail.supervisor.displayName }) : t('decisions.submitConfirm.toEverySupervisor')}</Text>
        </Stack>
      </ConfirmDialog>
    </Section>
  );
}

/** What still stops the submission, each with the field it concerns. */
function Blockers({ blocking }: { blocking: Blocker[] }) {
  const { t, tx, vocab } = useLabels();
  const titleId = useId();
  const field = (path: string): string => {
    const [head, rest] = [path.split('.')[0], path.split('.').slice(1).join('.')];
    switch (head) {
      case 'stage':
      case 'pathway':
      case 'wish':
      case 'documents':
      case 'screening':
        return t(`decisions.worksheet.field.${head}`);
      case 'consideration':
        return t('decisions.worksheet.field.consideration', { kind: vocab('considerationKind', rest) });
      case 'considerationReasons':
        return t('decisions.worksheet.considerationReasons', { kind: vocab('considerationKind', rest) });
      case 'factorReasons':
        return tx(`guidance.factor.${rest}`);
      case 'proposedStatus':
      case 'proposedPeriod':
      case 'summary':
        return t(`decisions.worksheet.${head}`);
      default:
        return path;
    }
  };
  return (
    <Paper withBorder p="md" bg={blocking.length ? 'yellow.0' : 'teal.0'} data-testid="decision-blockers">
      <Stack gap={6}>
        <Text fw={700} id={titleId}>
          {t('decisions.worksheet.blockingTitle')}
        </Text>
        {blocking.length === 0 ? (
          <Text size="sm">{t('decisions.worksheet.ready')}</Text>
        ) : (
          <List size="sm" spacing={2} aria-label={t('decisions.worksheet.blockingLabel')}>
            {blocking.map((b) => (
              <List.Item key={`${b.path}:${b.key}`} data-path={b.path}>
                {t('decisions.worksheet.blocker', { field: field(b.path), problem: tx(b.key) })}
                {/* DOMAIN.md §3: the checklist comes first for an intern who fled; the way to it is one click. */}
                {b.path === 'screening' && (
                  <Group mt={4}>
                    <ChecklistLink />
                  </Group>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
