import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import { useLabels } from '../../i18n/labels';
import { Section } from '../../ui/Section';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { InterviewCard } from './InterviewCard';
import { PlanForm } from './PlanForm';

/** The case's interviews: planning with the readiness check, start, outcome, sealed record. */
export function InterviewsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useLabels();
  const supervisor = useSessionStore(sessionSelectors.user)?.role === 'supervisor';
  /** The interview whose plan is edited: its id, 'new' for a new plan, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const interviews = [...detail.protection.interviews].sort((a, b) => b.plan.plannedAt.localeCompare(a.plan.plannedAt) || b.createdAt.localeCompare(a.createdAt));

  return (
    <Section
      title={t('interviews.title')}
      actions={
        editing === null ? (
          <Button size="xs" variant="default" onClick={() => setEditing('new')}>
            {t('interviews.plan')}
          </Button>
        ) : undefined
      }
    >
      {editing === 'new' && <PlanForm detail={detail} onDone={() => setEditing(null)} />}
      {interviews.length === 0 && editing !== 'new' && <Text c="dimmed">{t('interviews.none')}</Text>}
      {interviews.length > 1 && (
        <Text size="xs" c="dimmed">
          {t('interviews.order')}
        </Text>
      )}
      <Stack gap="md">
        {interviews.map((v) =>
          editing === v.id && v.status === 'planned' ? (
            <PlanForm key={v.id} detail={detail} interview={v} onDone={() => setEditing(null)} />
          ) : (
            <InterviewCard key={v.id} interview={v} supervisor={supervisor} locked={editing !== null} onEdit={() => setEditing(v.id)} />
          ),
        )}
      </Stack>
    </Section>
  );
}
