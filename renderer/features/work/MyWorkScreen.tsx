import { Badge, Box, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyWork } from '../../../electron/common/contract.work';
import { formatDate, formatDateTime } from '../../i18n/format';
import { RefreshedScreen } from '../../ui/RefreshedScreen';
import { Section } from '../../ui/Section';
import { showCase } from '../cases/list/caseList.actions';
import type { CaseTabId } from '../cases/page/casePage.store';
import { loadMyWork } from './work.actions';
import { workSelectors, useWorkStore } from './work.store';
import { deadlineWhen } from './workFormat';

type WorkCase = { caseId: string; reference: string; maskedName: string };

/** Where a waiting item is dealt with, when that is not the case's first tab: a screening due opens on the checklist. */
const WAITING_TAB: Partial<Record<MyWork['waiting'][number]['kind'], CaseTabId>> = { 'screening-due': 'exploitation', 'screening-flagged-organisation': 'exploitation' };

/** The signed-in user's home view: interviews, deadlines, what waits for them. */
export function MyWorkScreen() {
  const { t } = useTranslation();
  const work = useWorkStore(workSelectors.work);
  const loading = useWorkStore(workSelectors.loading);
  return (
    <RefreshedScreen title={t('work.title')} intro={t('work.intro')} load={loadMyWork} loading={loading} loaded={work !== null} refreshLabel={t('work.refresh')} refreshTestId="work-refresh">
      {work && <WorkSections work={work} />}
    </RefreshedScreen>
  );
}

function WorkSections({ work }: { work: MyWork }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  // The local calendar day, read at each render: "Today" follows the user's clock.
  const now = new Date();

  return (
    <Stack gap="lg">
      <WorkSection title={t('work.interviews.title')} count={work.interviews.length} empty={t('work.interviews.empty')} testId="work-interviews">
        {work.interviews.map((item) => (
          <WorkRow
            key={item.interviewId}
            item={item}
            testId="work-interview-row"
            description={t(`vocab.interviewStatus.${item.status}`)}
            aside={[
              <Text key="when" span size="sm" fw={600}>
                {formatDateTime(locale, item.plannedAt)}
              </Text>,
              <Badge key="ready" component="span" size="sm" variant="light" tt="none" color={item.ready ? 'teal' : 'orange'}>
                {t(item.ready ? 'work.interviews.ready' : 'work.interviews.notReady')}
              </Badge>,
            ]}
          />
        ))}
      </WorkSection>

      <WorkSection title={t('work.deadlines.title')} count={work.deadlines.length} empty={t('work.deadlines.empty')} testId="work-deadlines">
        {work.deadlines.map((item) => {
          const when = deadlineWhen(item.date, now);
          const whenText =
            when.kind === 'overdue'
              ? t('work.deadlines.overdue')
              : when.kind === 'today'
                ? t('work.deadlines.today')
                : t('work.deadlines.inDays', { count: when.days });
          return (
            <WorkRow
              key={`${item.caseId}:${item.kind}:${item.date}`}
              item={item}
              testId="work-deadline-row"
              description={t(`work.deadlines.kind.${item.kind}`)}
              aside={[
                <Text key="date" span size="sm" fw={when.kind === 'ahead' ? 600 : 700} c={when.kind === 'overdue' ? 'red.8' : undefined}>
                  {formatDate(locale, item.date)}
                </Text>,
                when.kind === 'ahead' ? (
                  <Text key="when" span size="sm" c="dimmed">
                    {whenText}
                  </Text>
                ) : (
                  // Colour alone would not reach everyone: the state is also said in words.
                  <Badge key="when" component="span" size="sm" variant={when.kind === 'overdue' ? 'filled' : 'light'} tt="none" color={when.kind === 'overdue' ? 'red.8' : 'orange'}>
                    {whenText}
                  </Badge>
                ),
              ]}
            />
          );
        })}
      </WorkSection>

      <WorkSection title={t('work.waiting.title')} count={work.waiting.length} empty={t('work.waiting.empty')} testId="work-waiting">
        {work.waiting.map((item) => {
          const since = t('work.waiting.since', { date: formatDate(locale, item.since) });
          return (
            <WorkRow
              key={`${item.caseId}:${item.kind}:${item.since}`}
              item={item}
              testId="work-waiting-row"
              tab={WAITING_TAB[item.kind]}
              description={t(`work.waiting.kind.${item.kind}`)}
              aside={[
                <Text key="since" span size="sm" c="dimmed">
                  {since}
                </Text>,
              ]}
            />
          );
        })}
      </WorkSection>
    </Stack>
  );
}

/** One list: a landmark named by its title, with how many rows it holds, or a friendly word when none. */
function WorkSection({ title, count, empty, testId, children }: { title: string; count: number; empty: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Section
      title={title}
      testId={testId}
      actions={
        <Badge variant="light" color="gray" tt="none" data-testid={`${testId}-count`}>
          {t('work.count', { count })}
        </Badge>
      }
    >
      {count === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {children}
        </Box>
      )}
    </Section>
  );
}

interface WorkRowProps {
  item: WorkCase;
  testId: string;
  description: string;
  /** The pieces on the right, in reading order. */
  aside: ReactNode[];
  /** The aside's words, for the button's accessible name in the order they are shown. */
  /** The tab of the case to open on (its first unless told). */
  tab?: CaseTabId;
}

/**
 * A comma only screen readers hear: the row's name is its visible text (so what a speech-input user
 * reads out is its name), with pauses where the visible pieces sit in separate boxes.
 */
function Pause() {
  return (
    <>
      <VisuallyHidden component="span">,</VisuallyHidden>{' '}
    </>
  );
}

/** A row opens its case. Masked initials only (DESIGN.md §3): the full name is shown inside the case. */
function WorkRow({ item, testId, description, aside, tab }: WorkRowProps) {
  return (
    <li style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <NavLink
        component="button"
        type="button"
        data-testid={testId}
        data-case-reference={item.reference}
        onClick={() => void showCase(item.caseId, tab)}
        label={
          <>
            <Text span ff="monospace" fw={600} size="sm">
              {item.reference}
            </Text>
            <Pause />
            <Text span size="sm">
              {item.maskedName}
            </Text>
          </>
        }
        description={
          <>
            <Pause />
            {description}
            <Pause />
          </>
        }
        rightSection={
          <Box component="span" style={{ display: 'inline-flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
            {aside.map((part, i) => (
              <Fragment key={i}>
                {i > 0 && <Pause />}
                {part}
              </Fragment>
            ))}
          </Box>
        }
      />
    </li>
  );
}
