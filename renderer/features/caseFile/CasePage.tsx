import { Button, Group, Stack, Tabs } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useEffect, type ReactNode } from 'react';
import type { Role } from '../../../electron/common/accounts';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import { useLabels } from '../../i18n/labels';
import { wipeClipboardNow } from '../../ui/clipboard';
import { FailureMessage } from '../../ui/ErrorMessage';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { useFailure } from '../../ui/useFailure';
import { AccessLogPanel } from '../cases/page/AccessLogPanel';
import { AdversePartiesSection, type PartyRegistry } from '../cases/page/AdversePartiesSection';
import { AssignmentSection } from '../cases/page/AssignmentSection';
import { CaseHeader } from '../cases/page/CaseHeader';
import { closeCase, loadCase, showCaseTab } from '../cases/page/casePage.actions';
import { casePageSelectors, useCasePageStore, type CaseTabId } from '../cases/page/casePage.store';
import { ConflictCheckPanel } from '../cases/page/ConflictCheckPanel';
import { ExploitationSection } from '../cases/page/ExploitationSection';
import { ImmigrationSection } from '../cases/page/ImmigrationSection';
import { PersonSection } from '../cases/page/PersonSection';
import { SealedSection } from '../cases/page/SealedSection';
import { RiskSection, StageSection } from '../cases/page/StageSection';
import { TimelineSection } from '../cases/page/TimelineSection';
import { DecisionSection } from '../decisions/DecisionSection';
import { ExportSummaryButton } from '../exports/ExportSummaryButton';
import { InterviewsSection } from '../interviews/InterviewsSection';
import { ProtectionSection } from '../protection/ProtectionSection';
import { CaseRetentionSection } from '../retention/CaseRetentionSection';
import { CaseOrganisationsSection } from '../organisations/CaseOrganisationsSection';
import { AddPartyToRegistry, PartyRegistryEntry, PartyRegistryPicker } from '../organisations/PartyRegistry';
import { sessionSelectors, useSessionStore } from '../session/session.store';

interface CaseTab {
  id: CaseTabId;
  label: Extract<ParseKeys, 'caseFields.person.title' | 'retention.tab' | `casePage.tabs.${string}`>;
  content: (detail: CaseDetail, role: Role) => ReactNode;
  /**
   * Rendered only while chosen: a revealed value (a sealed field, an interview record) goes when the
   * user moves to another tab, and the access log is read afresh each time it is opened.
   */
  whileChosen?: boolean;
  supervisorOnly?: boolean;
}

/** The registry's part in the adverse parties: case workers link entries; supervisors, who keep the registry, also add to it. */
const PARTY_REGISTRY: PartyRegistry = { Picker: PartyRegistryPicker, Entry: PartyRegistryEntry };
const SUPERVISOR_PARTY_REGISTRY: PartyRegistry = { ...PARTY_REGISTRY, AddToRegistry: AddPartyToRegistry };

/** The case file's tabs in order: the sections of cases, interviews, protection and decisions. */
const TABS: CaseTab[] = [
  { id: 'person', label: 'caseFields.person.title', content: (detail) => <PersonSection detail={detail} /> },
  { id: 'immigration', label: 'casePage.tabs.immigration', content: (detail) => <ImmigrationSection detail={detail} /> },
  { id: 'exploitation', label: 'casePage.tabs.exploitation', content: (detail) => <ExploitationSection detail={detail} /> },
  {
    id: 'adverse',
    label: 'casePage.tabs.adverse',
    content: (detail, role) => (
      <Stack gap="lg">
        <ConflictCheckPanel />
        <AdversePartiesSection detail={detail} registry={role === 'supervisor' ? SUPERVISOR_PARTY_REGISTRY : PARTY_REGISTRY} />
        <CaseOrganisationsSection detail={detail} />
      </Stack>
    ),
  },
  { id: 'interviews', label: 'casePage.tabs.interviews', content: (detail) => <InterviewsSection detail={detail} />, whileChosen: true },
  { id: 'protection', label: 'casePage.tabs.protection', content: (detail) => <ProtectionSection detail={detail} /> },
  { id: 'decision', label: 'casePage.tabs.decision', content: (detail) => <DecisionSection detail={detail} /> },
  { id: 'sealed', label: 'casePage.tabs.sealed', content: (detail) => <SealedSection detail={detail} />, whileChosen: true },
  { id: 'timeline', label: 'casePage.tabs.timeline', content: (detail) => <TimelineSection detail={detail} /> },
  {
    id: 'stage',
    label: 'casePage.tabs.stage',
    content: (detail, role) => (
      <Stack gap="lg">
        <StageSection detail={detail} role={role} />
        <RiskSection detail={detail} />
        {role === 'supervisor' && <AssignmentSection detail={detail} />}
      </Stack>
    ),
  },
  // Supervisors: the closing, the retention period and the legal hold, read afresh whenever shown.
  { id: 'retention', label: 'retention.tab', content: (detail) => <CaseRetentionSection detail={detail} />, whileChosen: true, supervisorOnly: true },
  { id: 'access', label: 'casePage.tabs.access', content: () => <AccessLogPanel />, whileChosen: true, supervisorOnly: true },
];

/** One case file: header, then its sections as tabs. The name is never put in document.title. */
export function CasePage({ caseId, onBack }: { caseId: string; onBack: () => void }) {
  const { t } = useLabels();
  const detail = useCasePageStore(casePageSelectors.detail);
  const role = useSessionStore(sessionSelectors.user)?.role;
  const failure = useFailure();
  const tab = useCasePageStore(casePageSelectors.tab);

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
  const tabs = TABS.filter((item) => !item.supervisorOnly || role === 'supervisor');

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
          <CaseHeader detail={shown} actions={<ExportSummaryButton caseId={shown.id} />} />
          {/* Panels stay mounted with their effects running (display: none), so a hidden reveal still times out. */}
          <Tabs value={tab} onChange={(value) => value && showCaseTab(value as CaseTabId)} keepMounted keepMountedMode="display-none">
            {/* Compact, so a supervisor's twelve tabs stay on one row in Japanese at 1280 px; a narrower window wraps them rather than hide any. */}
            <Tabs.List aria-label={t('casePage.tabs.label')} data-testid="case-tabs">
              {tabs.map((item) => (
                <Tabs.Tab key={item.id} value={item.id} px={7} fz={13} style={{ whiteSpace: 'nowrap' }}>
                  {t(item.label)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {tabs.map((item) => (
              <Tabs.Panel key={item.id} value={item.id} pt="md">
                {(!item.whileChosen || tab === item.id) && item.content(shown, role)}
              </Tabs.Panel>
            ))}
          </Tabs>
        </>
      )}
    </Stack>
  );
}
