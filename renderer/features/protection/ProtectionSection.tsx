import { Alert, Stack } from '@mantine/core';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import { useLabels } from '../../i18n/labels';
import { ConsiderationsSection } from './ConsiderationsSection';
import { IomConsentSection } from './IomConsentSection';
import { missingItems } from './protectionForms';
import { WishesSection } from './WishesSection';

/** The three considerations and the victim's wishes, each with its history (DESIGN.md §6). */
export function ProtectionSection({ detail }: { detail: CaseDetail }) {
  const { protection } = detail;
  return (
    <Stack gap="lg">
      <MissingSummary missing={missingItems(protection)} />
      <ConsiderationsSection protection={protection} />
      <WishesSection protection={protection} />
      <IomConsentSection protection={protection} />
    </Stack>
  );
}

/** What is still to be recorded before a recommendation can be submitted, in words. */
function MissingSummary({ missing }: { missing: ReturnType<typeof missingItems> }) {
  const { t, i18n } = useLabels();
  const complete = missing.length === 0;
  const items = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(missing.map((item) => t(`protection.summary.item.${item}`)));
  return (
    // A status, not an alert: it changes as records are added and is read when the user gets to it.
    <Alert role="status" color={complete ? 'green' : 'yellow'} variant="light" data-testid="protection-summary">
      {complete ? t('protection.summary.complete') : t('protection.summary.missing', { items })}
    </Alert>
  );
}
