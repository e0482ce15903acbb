import { Alert, Button, Checkbox, List, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretText } from '../../ui/SecretText';
import { normaliseKeyText } from './recoveryKey';

/** Thirteen groups of four fit two rows, which are easier to copy by hand than one long line. */
const GROUPS_PER_ROW = 7;


interface RecoveryKeyStepProps {
  recoveryKey: string;
  /** Called once the user has confirmed; the caller must then drop the key. */
  onDone: () => void;
  /** Why a new key is shown (it replaces one that was used or may be known). */
  replaces?: string;
  /** The last button's words where it does not lead to sign-in (a key issued inside the app). */
  continueLabel?: string;
}

/**
 * Shows the recovery key the only time it exists in clear outside core, and lets the user go on
 * only after they say it is written down and prove it by typing its last group.
 */
export function RecoveryKeyStep({ recoveryKey, onDone, replaces, continueLabel }: RecoveryKeyStepProps) {
  const { t } = useTranslation();
  const [written, setWritten] = useState(false);
  const [typed, setTyped] = useState('');

  const groups = recoveryKey.split('-');
  const lastGroup = normaliseKeyText(groups[groups.length - 1]);
  const typedGroup = normaliseKeyText(typed);
  const matches = typedGroup === lastGroup;
  const mismatch = typedGroup.length >= lastGroup.length && !matches;

  return (
    <Stack gap="md">
      <Title order={2}>{t(replaces ? 'recoveryKey.newTitle' : 'recoveryKey.title')}</Title>
      <Alert color="orange" variant="light">
        <Text fw={700}>{t('recoveryKey.onlyOnce')}</Text>
        {replaces && <Text mt="xs">{replaces}</Text>}
      </Alert>
      <Text>{t('recoveryKey.purpose')}</Text>

      <Paper withBorder bg="gray.0" p="lg">
        <SecretText
          label={t('recoveryKey.title')}
          size={26}
          style={{ display: 'grid', gridTemplateColumns: `repeat(${GROUPS_PER_ROW}, max-content)`, justifyContent: 'center', gap: '0.5rem 1.25rem' }}
        >
          {groups.map((group, index) => (
            <span key={index}>
              {/* Hidden separators keep the text (and what a screen reader spells) the key as issued. */}
              {index > 0 && <VisuallyHidden>-</VisuallyHidden>}
              {group}
            </span>
          ))}
        </SecretText>
      </Paper>

      <Title order={3} size="h4">
        {t('recoveryKey.stepsTitle')}
      </Title>
      <List type="ordered" spacing="xs">
        <List.Item>{t('recoveryKey.step1')}</List.Item>
        <List.Item>{t('recoveryKey.step2')}</List.Item>
        <List.Item>{t('recoveryKey.step3')}</List.Item>
        <List.Item>{t('recoveryKey.step4')}</List.Item>
      </List>

      <Checkbox
        size="md"
        label={t('recoveryKey.confirmWritten')}
        checked={written}
        onChange={(event) => setWritten(event.currentTarget.checked)}
      />
      <TextInput
        label={t('recoveryKey.lastGroup')}
        description={t('recoveryKey.lastGroupHint')}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        error={mismatch ? t('recoveryKey.lastGroupMismatch') : undefined}
        autoComplete="off"
        spellCheck={false}
        styles={{ wrapper: { maxWidth: 240 }, input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Button onClick={onDone} disabled={!written || !matches}>
        {continueLabel ?? t('recoveryKey.continue')}
      </Button>
    </Stack>
  );
}
