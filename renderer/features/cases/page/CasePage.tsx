import { Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { FailureMessage } from '../../../ui/ErrorMessage';
import { LoadingIndicator } from '../../../ui/LoadingIndicator';
import { useFailure } from '../../../ui/useFailure';
import { sessionSelectors, useSessionStore } from '../../session/session.store';
import { AccessLogPanel } from './AccessLogPanel';
import { AdversePartiesSection } from './AdversePartiesSection';
import { AssignmentSection } from './AssignmentSection';
import { closeCase, loadCase } from './casePage.actions';
import { casePageSelectors, useCasePageStore } from './casePage.store';
import { wipeClipboardNow } from './clipboard';
import { ConflictCheckPanel } from './ConflictCheckPanel';
import { DecisionSection } from '../../decisions/DecisionSection';
import { ExploitationSection } from './ExploitationSection';
import { ExpiryWarning, ImmigrationSection } from './ImmigrationSection';
import { InterviewsSection } from './interviews/InterviewsSection';
import { displayName, useLabels } from './labels';
import { PersonSection } from './PersonSection';
import { ProtectionSection } from './protection/ProtectionSection';
import { SealedSection } from './SealedSection';
import { RiskSection, riskColor, StageSection } from './StageSection';
import { TimelineSection } from './TimelineSection';

/** One case file: header, then its sections as tabs. The name is never put in document.title. */
export function CasePage({ caseId, onBack }: { caseId: string; onBack: () => void }) {
  const { t } = useLabels();
  const detail = useCasePageStore(casePageSelectors.detail);
  const role = useSessionStore(sessionSelectors.user)?.role;
  const failure = useFailure();
  const [tab, setTab] = useState<string | null>('person');

  const { report } = failure;
  useEffect(() => {
    loadCase(caseId).catch(report);
    return () => {
      // Never leave a copied sealed value or the case itself behind when the page is left.
      wipeClipboardNow();
      closeCase();
    };
  }, [caseId, report]);

  const shown = detail?.id === caseId ? detail : null;
  const supervisor = role === 'supervisor';

  return (
    <Stack gap="lg">
      <Group>
        <Button variant="default" onClick={onBack}>
          {t('casePage.back')}
        </Button>
      </Group>
      <FailureMessage failure={failure} />
      {!shown || !role ? (
        !failure.code && <LoadingIndicator />
      ) : (
        <>
          <CaseHeader detail={shown} />
          {/* Panels stay mounted with their effects running (display: none), so a hidden reveal still times out. */}
          <Tabs value={tab} onChange={setTab} keepMounted keepMountedMode="display-none">
            <Tabs.List aria-label={t('casePage.tabs.label')}>
              <Tabs.Tab value="person">{t('casePage.tabs.person')}</Tabs.Tab>
              <Tabs.Tab value="immigration">{t('casePage.tabs.immigration')}</Tabs.Tab>
              <Tabs.Tab value="exploitation">{t('casePage.tabs.exploitation')}</Tabs.Tab>
              <Tabs.Tab value="adverse">{t('casePage.tabs.adverse')}</Tabs.Tab>
              <Tabs.Tab value="interviews">{t('casePage.tabs.interviews')}</Tabs.Tab>
              <Tabs.Tab value="protection">{t('casePage.tabs.protection')}</Tabs.Tab>
              <Tabs.Tab value="decision">{t('casePage.tabs.decision')}</Tabs.Tab>
              <Tabs.Tab value="sealed">{t('casePage.tabs.sealed')}</Tabs.Tab>
              <Tabs.Tab value="timeline">{t('casePage.tabs.timeline')}</Tabs.Tab>
              <Tabs.Tab value="stage">{t('casePage.tabs.stage')}</Tabs.Tab>
              {supervisor && <Tabs.Tab value="access">{t('casePage.tabs.access')}</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="person" pt="md">
              <PersonSection detail={shown} />
            </Tabs.Panel>
            <Tabs.Panel value="immigration" pt="md">
              <ImmigrationSection detail={shown} />
            </Tabs.Panel>
            <Tabs.Panel value="exploitation" pt="md">
              <ExploitationSection detail={shown} />
            </Tabs.Panel>
            <Tabs.Panel value="adverse" pt="md">
              <Stack gap="lg">
                <ConflictCheckPanel />
                <AdversePartiesSection detail={shown} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="interviews" pt="md">
              {/* Rendered only while chosen, like the sealed tab: a revealed record goes when the user moves on. */}
              {tab === 'interviews' && <InterviewsSection detail={shown} />}
            </Tabs.Panel>
            <Tabs.Panel value="protection" pt="md">
              <ProtectionSection detail={shown} />
            </Tabs.Panel>
            <Tabs.Panel value="decision" pt="md">
              <DecisionSection detail={shown} />
            </Tabs.Panel>
            <Tabs.Panel value="sealed" pt="md">
              {/* Rendered only while chosen: a revealed value goes when the user moves to another tab. */}
              {tab === 'sealed' && <SealedSection detail={shown} />}
            </Tabs.Panel>
            <Tabs.Panel value="timeline" pt="md">
              <TimelineSection detail={shown} />
            </Tabs.Panel>
            <Tabs.Panel value="stage" pt="md">
              <Stack gap="lg">
                <StageSection detail={shown} role={role} />
                <RiskSection detail={shown} />
                {supervisor && <AssignmentSection detail={shown} />}
              </Stack>
            </Tabs.Panel>
            {supervisor && (
              <Tabs.Panel value="access" pt="md">
                {tab === 'access' && <AccessLogPanel />}
              </Tabs.Panel>
            )}
          </Tabs>
        </>
      )}
    </Stack>
  );
}

function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t, vocab, i18n } = useLabels();
  const p = detail.person;
  const native = [p.familyNameNative, p.givenNameNative].filter(Boolean).join(' ');
  return (
    <Paper withBorder p="lg" component="header">
      <Stack gap="xs">
        <Text size="sm" c="dimmed" ff="monospace">
          {detail.reference}
        </Text>
        <Group gap="md" align="baseline">
          <Title order={2}>{displayName(i18n.language, p.familyName.toUpperCase(), p.givenName)}</Title>
          {native && (
            <Text size="lg" lang="" aria-label={t('casePage.header.nativeName')}>
              {native}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <Badge size="lg" variant="filled">
            {t('casePage.header.stage', { stage: vocab('stage', detail.stage) })}
          </Badge>
          <Badge size="lg" color={riskColor(detail.riskLevel)}>
            {t('casePage.header.risk', { level: vocab('riskLevel', detail.riskLevel) })}
          </Badge>
          {detail.flags.map((f) => (
            <Badge key={f} size="lg" color="orange" variant="light">
              {vocab('flag', f)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          {t('casePage.header.officers')}: {detail.officers.map((o) => o.displayName).join(', ') || '—'} · {t('casePage.header.supervisor')}:{' '}
          {detail.supervisor?.displayName ?? '—'}
        </Text>
        <ExpiryWarning expiry={detail.immigration.periodOfStayExpiry} />
      </Stack>
    </Paper>
  );
}
