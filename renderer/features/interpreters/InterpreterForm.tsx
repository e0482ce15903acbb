import { Alert, Button, Checkbox, Fieldset, Group, MultiSelect, Paper, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { COMMON_LANGUAGES } from '../../../electron/common/cases';
import { contract } from '../../../electron/common/contract';
import { dateIssues } from '../../../electron/common/dates';
import { INTERPRETER_DATES, type Interpreter, type InterpreterContact } from '../../../electron/common/protection';
import { ApiError, errorCodeOf } from '../../api/mamori';
import { localToday } from '../../i18n/dates';
import { useLabels } from '../../i18n/labels';
import { DateField } from '../../ui/DateField';
import { FailureMessage } from '../../ui/ErrorMessage';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { useFailure } from '../../ui/useFailure';
import { validationKey } from '../../ui/validation';
import { saveInterpreter, type SaveInterpreterInput } from './interpreters.actions';
import { useInterpretersStore } from './interpreters.store';
import { BusyButton } from '../../ui/BusyButton';

interface Draft {
  name: string;
  nameVariants: string[];
  languages: string[];
  /** '' while no pledge is signed. */
  pledgeDate: string;
  notes: string;
  active: boolean;
}

const EMPTY_CONTACT: InterpreterContact = { phone: '', email: '', other: '' };

/** Field problems as i18n keys, by form field ('name', 'languages', 'contact.email'). */
type FieldErrors = Record<string, string>;

/**
 * The key that labels one issue: this screen's own wording first (`interpreters.issues.<message
 * with dots as underscores>`, e.g. 'interpreter.nameRequired' → 'interpreters.issues.interpreter_nameRequired'),
 * then the shared `validation.` texts.
 */
function issueLabelKey(issue: { message: string; code?: string }, exists: (key: string) => boolean): string {
  const own = `interpreters.issues.${issue.message.replaceAll('.', '_')}`;
  return exists(own) ? own : validationKey(issue);
}

/** 'interpreter.nameVariants.2' → 'nameVariants'; 'contact.email' stays; the form shows the first problem per field. */
function fieldOf(path: string): string {
  const [head, second] = path.split('.');
  if (head === 'interpreter' && second) return second;
  if (head === 'contact' && second) return `contact.${second}`;
  return head;
}

function fieldErrors(issues: readonly { path: string | readonly PropertyKey[]; message: string; code?: string }[], exists: (key: string) => boolean): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    errors[fieldOf(path)] ??= issueLabelKey(issue, exists);
  }
  return errors;
}

interface InterpreterFormProps {
  /** The interpreter being edited; none to add one. */
  interpreter?: Interpreter;
  onSaved: (saved: Interpreter) => void;
  onCancel: () => void;
}

/**
 * Adds or edits an interpreter. Before every save the name and its spellings are checked against
 * the adverse parties of all cases; a match is saved only with a recorded reason. The contact
 * fields start empty even when editing: a sealed contact is never put into a form.
 */
export function InterpreterForm({ interpreter, onSaved, onCancel }: InterpreterFormProps) {
  const { t, tx, vocab, i18n } = useLabels();
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: interpreter?.name ?? '',
    nameVariants: [...(interpreter?.nameVariants ?? [])],
    languages: [...(interpreter?.languages ?? [])],
    pledgeDate: interpreter?.pledgeDate ?? '',
    notes: interpreter?.notes ?? '',
    active: interpreter?.active ?? true,
  }));
  const [contact, setContact] = useState<InterpreterContact>(EMPTY_CONTACT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  /** The input core refused because its name matches an adverse party, waiting for a reason. */
  const [conflict, setConflict] = useState<{ input: SaveInterpreterInput } | null>(null);
  const [asking, setAsking] = useState(false);
  const [stale, setStale] = useState(false);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setContactField = (key: keyof InterpreterContact, value: string) => setContact((c) => ({ ...c, [key]: value }));
  const exists = (key: string) => i18n.exists(key);
  const error = (field: string) => (errors[field] ? tx(errors[field]) : undefined);
  const languages = [...new Set([...COMMON_LANGUAGES, ...draft.languages])];

  /** What would be sent now. The version is read at save time, so a save after a reload uses the reloaded one. */
  const payload = (): SaveInterpreterInput => {
    const current = interpreter ? (useInterpretersStore.getState().byId[interpreter.id] ?? interpreter) : undefined;
    // An empty contact on an edit means "keep what is on file": send one only when something was typed.
    const typed = Object.values(contact).some((value) => value.trim() !== '');
    return {
      ...(current ? { interpreterId: current.id, version: current.version } : {}),
      interpreter: { ...draft, pledgeDate: draft.pledgeDate === '' ? null : draft.pledgeDate },
      ...(typed ? { contact } : {}),
    };
  };

  const report = (caught: unknown) => {
    if (caught instanceof ApiError && caught.code === 'INVALID_INPUT' && caught.issues?.length) {
      setErrors(fieldErrors(caught.issues, exists));
      return;
    }
    setStale(errorCodeOf(caught) === 'STALE_VERSION');
    failure.report(caught);
  };

  /**
   * Sends a checked input. Core compares the name with every case's adverse parties only on a save,
   * and says only that it matches (never which, nor how many): then a reason is asked for.
   */
  const send = async (input: SaveInterpreterInput, conflictReason?: string) => {
    try {
      onSaved(await saveInterpreter(conflictReason ? { ...input, conflictReason } : input));
    } catch (caught) {
      if (errorCodeOf(caught) === 'ADVERSE_PARTY_MATCH' && !conflictReason) {
        setConflict({ input });
        setAsking(true);
        return;
      }
      report(caught);
    }
  };

  const save = async () => {
    failure.clear();
    setStale(false);
    setConflict(null);
    const parsed = contract['interpreters:save'].input.safeParse(payload());
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, exists));
      return;
    }
    // The date bounds core applies with its clock (a pledge is not signed tomorrow), on the user's today.
    const dated = dateIssues(parsed.data.interpreter, INTERPRETER_DATES, localToday(), 'interpreter');
    if (dated.length) {
      setErrors(fieldErrors(dated, exists));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(parsed.data);
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const title = interpreter ? t('interpreters.form.editTitle', { name: interpreter.name }) : t('interpreters.form.addTitle');
  const conflictText = conflict ? t('interpreters.conflict.alert') : '';
  const hasErrors = Object.keys(errors).length > 0;
  const contactHint = !interpreter
    ? t('interpreters.form.contactHintNew')
    : interpreter.hasContact
      ? t('interpreters.form.contactHintKeep')
      : t('interpreters.form.contactHintNone');

  return (
    <Paper withBorder p="lg" component="form" aria-labelledby={titleId} data-testid="interpreter-form" noValidate onSubmit={submit}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {title}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('interpreters.form.name')} required autoComplete="off" value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} error={error('name')} />
          <DateField
            label={t('interpreters.form.pledgeDate')}
            description={t('interpreters.form.pledgeHint')}
            kind={INTERPRETER_DATES.pledgeDate}
            value={draft.pledgeDate}
            onChange={(value) => set('pledgeDate', value)}
            error={error('pledgeDate')}
          />
        </SimpleGrid>
        <TagsInput label={t('interpreters.form.nameVariants')} description={t('interpreters.form.nameVariantsHint')} value={draft.nameVariants} onChange={(v) => set('nameVariants', v)} maxTags={20} error={error('nameVariants')} />
        <MultiSelect
          label={t('interpreters.form.languages')}
          description={t('interpreters.form.languagesHint')}
          required
          searchable
          data={languages.map((code) => ({ value: code, label: vocab('language', code) }))}
          value={draft.languages}
          onChange={(v) => set('languages', v)}
          maxValues={10}
          error={error('languages')}
        />
        <Textarea label={t('interpreters.form.notes')} rows={2} value={draft.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={error('notes')} />
        <Checkbox label={t('interpreters.form.active')} checked={draft.active} onChange={(e) => set('active', e.currentTarget.checked)} />

        <Fieldset legend={t('interpreters.form.contactTitle')} variant="filled">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {contactHint}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('interpreters.form.phone')} autoComplete="off" value={contact.phone} onChange={(e) => setContactField('phone', e.currentTarget.value)} error={error('contact.phone')} />
              <TextInput label={t('interpreters.form.email')} autoComplete="off" value={contact.email} onChange={(e) => setContactField('email', e.currentTarget.value)} error={error('contact.email')} />
              <TextInput label={t('interpreters.form.other')} autoComplete="off" value={contact.other} onChange={(e) => setContactField('other', e.currentTarget.value)} error={error('contact.other')} />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        {conflict && (
          <Alert color="red" variant="light" role="alert" data-testid="interpreter-conflict-alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm" fw={700}>
                {conflictText}
              </Text>
              <Button size="xs" color="red.8" variant="outline" onClick={() => setAsking(true)}>
                {t('interpreters.conflict.reopen')}
              </Button>
            </Stack>
          </Alert>
        )}
        {hasErrors && (
          <Alert color="red" variant="light" role="alert">
            {t('interpreters.form.checkFields')}
          </Alert>
        )}
        <FailureMessage failure={failure}>
          {stale && (
            <Text size="sm" mt={4}>
              {t('interpreters.form.staleReloaded')}
            </Text>
          )}
        </FailureMessage>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('dialog.cancel')}
          </Button>
          <BusyButton type="submit" busy={busy}>
            {t('interpreters.form.save')}
          </BusyButton>
        </Group>
      </Stack>
      <ReasonDialog
        opened={asking && conflict !== null}
        title={t('interpreters.conflict.title')}
        explanation={`${conflictText} ${t('interpreters.conflict.explanation')}`}
        confirmLabel={t('interpreters.conflict.confirm')}
        danger
        onConfirm={(reason) => (conflict ? send(conflict.input, reason) : Promise.resolve())}
        onClose={() => setAsking(false)}
      />
    </Paper>
  );
}
