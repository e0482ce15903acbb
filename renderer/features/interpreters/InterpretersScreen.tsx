import { Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interpreter } from '../../../electron/common/protection';
import { FailureMessage } from '../../ui/ErrorMessage';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { useRevealGroup } from '../../ui/SealedReveal';
import { useFailure } from '../../ui/useFailure';
import { InterpreterForm } from './InterpreterForm';
import { loadInterpreters } from './interpreters.actions';
import { interpretersSelectors, useInterpretersStore } from './interpreters.store';
import { InterpretersTable } from './InterpretersTable';

/** The interpreter registry (DESIGN.md §6): who may interpret in interviews, checked against the adverse parties. */
export function InterpretersScreen() {
  const { t } = useTranslation();
  const loaded = useInterpretersStore(interpretersSelectors.loaded);
  const includeInactive = useInterpretersStore(interpretersSelectors.includeInactive);
  const listFailure = useFailure();
  /**
   * The open form: 'new', or the interpreter as it was when Edit was pressed (kept here so a reload of
   * the list, e.g. hiding inactive ones, never takes the form and its typed values away).
   */
  const [editing, setEditing] = useState<{ key: string; interpreter?: Interpreter } | null>(null);
  const [savedName, setSavedName] = useState<string | null>(null);
  // One contact on screen at a time: showing another hides the first.
  const contacts = useRevealGroup();

  const { report: reportListFailure, clear: clearListFailure } = listFailure;
  useEffect(() => {
    loadInterpreters().catch(reportListFailure);
  }, [reportListFailure]);

  const toggleInactive = (checked: boolean) => {
    clearListFailure();
    loadInterpreters(checked).catch(reportListFailure);
  };

  const startEditing = (interpreter?: Interpreter) => {
    setSavedName(null);
    setEditing({ key: interpreter?.id ?? 'new', interpreter });
  };

  return (
    <Stack gap="lg">
      <Title order={2}>{t('interpreters.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('interpreters.intro')}
      </Text>
      <Group justify="space-between">
        <Switch label={t('interpreters.showInactive')} checked={includeInactive} onChange={(e) => toggleInactive(e.currentTarget.checked)} />
        {editing === null && <Button onClick={() => startEditing()}>{t('interpreters.add')}</Button>}
      </Group>

      {editing && (
        <InterpreterForm
          key={editing.key}
          interpreter={editing.interpreter}
          onSaved={(saved) => {
            setEditing(null);
            setSavedName(saved.name);
            // A contact on screen may just have been replaced: show nothing older than what is on file.
            if (contacts.shownId === saved.id) contacts.setShownId(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}

      <Stack gap="sm">
        <Text role="status" size="sm" c="teal.9" fw={700}>
          {savedName ? t('interpreters.saved', { name: savedName }) : ''}
        </Text>
        <FailureMessage failure={listFailure} />
        {loaded ? (
          <InterpretersTable editing={editing !== null} contacts={contacts} onEdit={startEditing} />
        ) : (
          !listFailure.code && <LoadingIndicator />
        )}
      </Stack>

    </Stack>
  );
}
