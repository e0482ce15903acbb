import { Button } from '@mantine/core';
import { useState } from 'react';
import { useLabels } from '../../i18n/labels';
import { ExportPanel } from './ExportPanel';

/** The case page's way to a printed summary: opens the export panel for this case. */
export function ExportSummaryButton({ caseId }: { caseId: string }) {
  const { t } = useLabels();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} data-testid="export-open">
        {t('exports.open')}
      </Button>
      <ExportPanel caseId={caseId} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
