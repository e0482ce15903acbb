import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationRow } from '../../../electron/common/contract.organisations';
import { formatDate } from '../../i18n/format';

/** How an organisation stands today, in words (colour is never the only signal). */
export function StandingBadges({ row }: { row: Pick<OrganisationRow, 'standing' | 'violations'> }) {
  const { t, i18n } = useTranslation();
  const { ban, licenceRevoked, nameDisclosed } = row.standing;
  const quiet = !ban && !licenceRevoked && !nameDisclosed && row.violations === 0;
  return (
    <Group gap={6} wrap="wrap" data-testid="organisation-standing">
      {ban && (
        <Badge color="red.8" variant="filled" tt="none">
          {ban.to ? t('organisations.standing.bannedUntil', { date: formatDate(i18n.language, ban.to) }) : t('organisations.standing.bannedOpen')}
        </Badge>
      )}
      {licenceRevoked && (
        <Badge color="red.8" variant="light" tt="none">
          {t('organisations.standing.licenceRevoked')}
        </Badge>
      )}
      {nameDisclosed && (
        <Badge color="orange.9" variant="light" tt="none">
          {t('organisations.standing.nameDisclosed')}
        </Badge>
      )}
      {row.violations > 0 && (
        <Badge color="orange.9" variant="outline" tt="none">
          {t('organisations.standing.violations', { count: row.violations })}
        </Badge>
      )}
      {quiet && (
        <Badge color="gray" variant="light" tt="none">
          {t('organisations.standing.active')}
        </Badge>
      )}
    </Group>
  );
}

/** The name as a case worker reads it: Japanese first in Japanese, Latin first otherwise, the other beside it. */
export function organisationName(language: string, o: { nameJa: string; nameLatin: string }): string {
  const [first, second] = language.startsWith('ja') ? [o.nameJa, o.nameLatin] : [o.nameLatin, o.nameJa];
  return first && second ? `${first} (${second})` : first || second;
}
