import { Anchor, Badge, Button, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../electron/common/contract.organisations';
import { useLabels } from '../../i18n/labels';
import { Section } from '../../ui/Section';
import { showCase } from '../cases/list/caseList.actions';
import { FollowupSection } from './FollowupSection';
import type { HistoryKind } from './HistoryDialog';
import { organisationName, StandingBadges } from './StandingBadges';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}

/** One organisation, whole: registration, chain, status history, violations, missing-intern reports, the cases it is involved in. */
export function OrganisationDetail(props: {
  organisation: Organisation;
  canEdit: boolean;
  onOpen: (id: string) => void;
  onEdit: () => void;
  onRecord: (kind: HistoryKind) => void;
}) {
  const { organisation: o, canEdit, onOpen, onEdit, onRecord } = props;
  const { t, tx, date, i18n } = useLabels();
  const { t: tt } = useTranslation();
  const none = t('organisations.detail.none');
  const others = o.involvement.total - o.involvement.cases.length;
  const chainLink = (r: Organisation['related'][number]) => (
    <List.Item key={r.id}>
      <Anchor component="button" type="button" onClick={() => onOpen(r.id)}>
        {organisationName(i18n.language, r)}
      </Anchor>{' '}
      <Text span size="sm" c="dimmed">
        {tt(`organisations.types.${r.type}`)}
      </Text>
    </List.Item>
  );

  return (
    <Stack gap="lg" data-testid="organisation-detail">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={3}>{organisationName(i18n.language, o)}</Title>
            <Badge variant="light" color="mamori" tt="none" w="fit-content">
              {tt(`organisations.types.${o.type}`)}
            </Badge>
          </Stack>
          {canEdit && (
            <Group gap="xs">
              <Button variant="default" onClick={onEdit}>
                {t('organisations.detail.edit')}
              </Button>
              <Button variant="light" onClick={() => onRecord('status')}>
                {t('organisations.detail.recordStatus')}
              </Button>
              <Button variant="light" onClick={() => onRecord('violation')}>
                {t('organisations.detail.recordViolation')}
              </Button>
              <Button variant="light" onClick={() => onRecord('missing')}>
                {t('organisations.detail.recordMissing')}
              </Button>
            </Group>
          )}
        </Group>
        <StandingBadges row={o} />
      </Stack>

      <Section title={t('organisations.detail.facts')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('organisations.detail.corporateNumber')}>{o.corporateNumber || none}</Fact>
          <Fact label={t('organisations.detail.prefecture')}>{o.prefecture ? tx(`organisations.prefectures.${o.prefecture}`) : none}</Fact>
          <Fact label={t('organisations.detail.country')}>{o.country || none}</Fact>
          {o.licenceNumber && <Fact label={t('organisations.detail.licence')}>{o.licenceNumber}</Fact>}
        </SimpleGrid>
        {o.notes && <Fact label={t('organisations.detail.notes')}>{o.notes}</Fact>}
      </Section>

      <Section title={t('organisations.detail.chain')}>
        {o.related.length === 0 && o.relatedBy.length === 0 ? (
          <Text c="dimmed">{t('organisations.detail.noChain')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('organisations.detail.related')}
              </Text>
              {o.related.length ? <List>{o.related.map(chainLink)}</List> : <Text>{none}</Text>}
            </Stack>
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('organisations.detail.relatedBy')}
              </Text>
              {o.relatedBy.length ? <List>{o.relatedBy.map(chainLink)}</List> : <Text>{none}</Text>}
            </Stack>
          </SimpleGrid>
        )}
      </Section>

      <Section title={t('organisations.detail.history')}>
        {o.statuses.length === 0 ? (
          <Text c="dimmed">{t('organisations.detail.noHistory')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.statusForm.kind')}</Table.Th>
                <Table.Th>{t('organisations.detail.from')}</Table.Th>
                <Table.Th>{t('organisations.detail.to')}</Table.Th>
                <Table.Th>{t('organisations.detail.decisionReference')}</Table.Th>
                <Table.Th>{t('organisations.detail.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.statuses.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{tt(`organisations.statusKinds.${s.kind}`)}</Table.Td>
                  <Table.Td>{date(s.from)}</Table.Td>
                  <Table.Td>{s.kind === 'banned' ? date(s.to) : ''}</Table.Td>
                  <Table.Td>{s.decisionReference}</Table.Td>
                  <Table.Td>{s.recordedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section title={t('organisations.detail.violations')}>
        {o.violationList.length === 0 ? (
          <Text c="dimmed">{t('organisations.detail.noViolations')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.detail.on')}</Table.Th>
                <Table.Th>{t('organisations.detail.article')}</Table.Th>
                <Table.Th>{t('organisations.detail.source')}</Table.Th>
                <Table.Th>{t('organisations.detail.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.violationList.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{date(v.on)}</Table.Td>
                  <Table.Td>{tt(`organisations.articles.${v.article}`)}</Table.Td>
                  <Table.Td>{v.source}</Table.Td>
                  <Table.Td>{v.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section title={t('organisations.detail.missing')}>
        {o.missingReports.length === 0 ? (
          <Text c="dimmed">{t('organisations.detail.noMissing')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.detail.half')}</Table.Th>
                <Table.Th>{t('organisations.detail.count')}</Table.Th>
                <Table.Th>{t('organisations.detail.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.missingReports.map((m) => (
                <Table.Tr key={m.half}>
                  <Table.Td>{m.half}</Table.Td>
                  <Table.Td>{m.count}</Table.Td>
                  <Table.Td>{m.source}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <FollowupSection organisationId={o.id} />

      <Section title={t('organisations.detail.involvement')} testId="organisation-involvement">
        <Text>{t('organisations.detail.involvementTotal', { count: o.involvement.total })}</Text>
        {o.involvement.cases.length > 0 && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t(canEdit ? 'organisations.detail.involvementAll' : 'organisations.detail.involvementMine')}
            </Text>
            {o.involvement.cases.map((c) => (
              <Button key={c.caseId} size="xs" variant="light" onClick={() => void showCase(c.caseId)} aria-label={t('organisations.detail.openCase', { reference: c.reference })}>
                {c.reference} {c.maskedName}
              </Button>
            ))}
          </Group>
        )}
        {others > 0 && (
          <Text size="sm" c="dimmed">
            {t('organisations.detail.involvementOthers', { count: others })}
          </Text>
        )}
      </Section>
    </Stack>
  );
}
