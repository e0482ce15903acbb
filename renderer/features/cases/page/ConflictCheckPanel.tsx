import { Alert, Button, Group, List, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import type { ChannelInput, ChannelOutput } from '../../../../electron/common/contract';
import { useLabels } from '../../../i18n/labels';
import { FailureMessage } from '../../../ui/ErrorMessage';
import { apiPathErrors, issueKey } from '../../../ui/forms';
import { Section } from '../../../ui/Section';
import { useFailure } from '../../../ui/useFailure';
import { acknowledgeConflict, checkConflict } from './casePage.actions';
import { BusyButton } from '../../../ui/BusyButton';

type Context = Exclude<ChannelInput<'cases:acknowledgeConflict'>['context'], 'registry'>;
type Match = ChannelOutput<'cases:checkConflict'>['matches'][number];

const CONTEXTS: readonly Context[] = ['contact', 'interpreter', 'visitor'];
const NameSchema = z.string().trim().min(1).max(120);
const ReasonSchema = z.string().trim().min(5, { message: 'case.reason.tooShort' }).max(500);

type Result = { kind: 'none'; name: string } | { kind: 'match'; name: string; matches: Match[]; acknowledged: boolean };

/**
 * Checks a person about to be brought near the victim (contact, interpreter, visitor) against the
 * recorded adverse parties. A match blocks Continue until acknowledged with a reason (audited).
 */
export function ConflictCheckPanel() {
  const { t, vocab, tx } = useLabels();
  const [name, setName] = useState('');
  const [context, setContext] = useState<Context>('contact');
  const [nameError, setNameError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failure = useFailure();
  const title = t('casePage.conflict.title');

  const reset = () => {
    setName('');
    setResult(null);
    setReason('');
    setReasonError(null);
    failure.clear();
  };

  const check = async () => {
    failure.clear();
    const parsed = NameSchema.safeParse(name);
    if (!parsed.success) {
      setNameError(issueKey(parsed.error.issues[0]));
      return;
    }
    setNameError(null);
    setResult(null);
    setBusy(true);
    try {
      const matches = await checkConflict(parsed.data);
      setResult(matches.length === 0 ? { kind: 'none', name: parsed.data } : { kind: 'match', name: parsed.data, matches, acknowledged: false });
    } catch (error) {
      failure.report(error);
    } finally {
      setBusy(false);
    }
  };

  const acknowledge = async () => {
    if (result?.kind !== 'match') return;
    failure.clear();
    const parsed = ReasonSchema.safeParse(reason);
    if (!parsed.success) {
      setReasonError(issueKey(parsed.error.issues[0]));
      return;
    }
    setReasonError(null);
    setBusy(true);
    try {
      await acknowledgeConflict({ name: result.name, context, partyIds: result.matches.map((m) => m.partyId), reason: parsed.data });
      setResult({ ...result, acknowledged: true });
    } catch (error) {
      const fields = apiPathErrors(error, '');
      if (fields?.reason) setReasonError(fields.reason);
      else failure.report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={title}>
      <Text size="sm" c="dimmed">
        {t('casePage.conflict.explanation')}
      </Text>
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label={t('casePage.conflict.name')}
          value={name}
          disabled={result !== null}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameError ? tx(nameError) : undefined}
        />
        <NativeSelect
          label={t('casePage.conflict.context')}
          value={context}
          disabled={result !== null}
          onChange={(e) => setContext(e.currentTarget.value as Context)}
          data={CONTEXTS.map((c) => ({ value: c, label: t(`casePage.conflict.contexts.${c}`) }))}
        />
        {result === null && (
          <BusyButton busy={busy} onClick={() => void check()}>
            {t('casePage.conflict.check')}
          </BusyButton>
        )}
      </Group>
      {result?.kind === 'none' && (
        <Alert color="teal" variant="light" role="status">
          {t('casePage.conflict.noMatch')}
        </Alert>
      )}
      {result?.kind === 'match' && (
        <Alert color="red" variant="filled" role="alert" title={t('casePage.conflict.matchTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('casePage.conflict.matchText', { name: result.name })}</Text>
            <List size="sm" c="white">
              {result.matches.map((m) => (
                <List.Item key={m.partyId}>{t('casePage.conflict.matchItem', { name: m.name, role: vocab('adverseRole', m.role) })}</List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      )}
      {result?.kind === 'match' && !result.acknowledged && (
        <Stack gap="sm">
          <Textarea
            label={t('casePage.conflict.reason')}
            description={t('reason.description')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError ? tx(reasonError) : undefined}
            rows={2}
          />
          <Group>
            <BusyButton color="red.8" busy={busy} onClick={() => void acknowledge()}>
              {t('casePage.conflict.acknowledge')}
            </BusyButton>
          </Group>
        </Stack>
      )}
      {result?.kind === 'match' && result.acknowledged && (
        <Alert color="blue" variant="light" role="status">
          {t('casePage.conflict.acknowledged')}
        </Alert>
      )}
      <FailureMessage failure={failure} />
      {result !== null && (
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={reset}>
            {t('dialog.cancel')}
          </Button>
          <Button disabled={result.kind === 'match' && !result.acknowledged} onClick={reset}>
            {t('casePage.conflict.continue')}
          </Button>
        </Group>
      )}
    </Section>
  );
}
