import { Button } from '@mantine/core';
import { useLabels } from '../../../i18n/labels';
import { SCREENING_ANCHOR } from '../fields/ScreeningFields';
import { showCaseTab } from './casePage.actions';

/** Takes the user to the trafficking-indicator checklist on the exploitation tab, wherever the case page says it is needed. */
export function ChecklistLink() {
  const { t } = useLabels();
  return (
    <Button size="compact-sm" variant="light" onClick={() => showCaseTab('exploitation', SCREENING_ANCHOR)} data-testid="checklist-link">
      {t('caseFields.screening.goToChecklist')}
    </Button>
  );
}
