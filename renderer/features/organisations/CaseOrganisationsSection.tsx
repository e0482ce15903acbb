import { Box, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import type { OrganisationRow } from '../../../electron/common/contract.organisations';
import { Section } from '../../ui/Section';
import { SuccessNotice } from '../../ui/SuccessNotice';
import { FailureMessage } from '../../ui/ErrorMessage';
import { useFailure } from '../../ui/useFailure';
import { linkOrganisation, organisationsForCase, searchOrganisations, unlinkOrganisation } from './organisations.actions';
import { organisationName, StandingBadges } from './StandingBadges';

/**
 * The registry organisations involved in a case (its employer, supervising organisation, sending
 * organisation, broker), with how each stands today: a ban or a violation on record shows here.
 * Read again whenever the case changes (an adverse party linked to an entry links it here too).
 */
export function CaseOrganisationsSection({ detail }: { detail: Pick<CaseDetail, 'id' | 'stage' | 'version'> }) {
  const { t, i18n } = useTranslation();
  const [links, setLinks] = useState<OrganisationRow[] | null>(null);
  const [options, setOptions] = useState<OrganisationRow[]>([]);
  const [search, setSearch] = useState('');
  const [linked, setLinked] = useState<string | null>(null);
  const failure = useFailure();
  const { report, clear } = failure;
  const latest = useRef(0);
  const closed = detail.stage === 'closed';

  useEffect(() => {
    organisationsForCase(detail.id).then((r) => setLinks(r.links), report);
  }, [detail.id, detail.version, report]);

  const find = (q: string) => {
    setSearch(q);
    const request = ++latest.current;
    if (!q.trim()) return setOptions([]);
    searchOrganisations({ query: q, limit: 8 }).then((r) => request === latest.current && setOptions(r.rows), () => undefined);
  };
  const candidates = options.filter((o) => !links?.some((l) => l.id === o.id));

  const link = async (id: string) => {
    clear();
    try {
      const r = await linkOrganisation(detail.id, id);
      setLinks(r.links);
      const added = r.links.find((l) => l.id === id);
      setLinked(added ? organisationName(i18n.language, added) : null);
      setSearch('');
      setOptions([]);
    } catch (e) {
      report(e);
    }
  };
  const unlink = async (id: string) => {
    clear();
    setLinked(null);
    try {
      setLinks((await unlinkOrganisation(detail.id, id)).links);
    } catch (e) {
      report(e);
    }
  };

  return (
    <Section title={t('organisations.case.title')} testId="case-organisations">
      <Text size="sm" c="dimmed">
        {t('organisations.case.intro')}
      </Text>
      {linked && <SuccessNotice title={t('organisations.case.linked', { name: linked })}>{''}</SuccessNotice>}
      <FailureMessage failure={failure} />
      {links && links.length === 0 && <Text c="dimmed">{t('organisations.case.empty')}</Text>}
      {links && links.length > 0 && (
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {links.map((l) => (
            <Box component="li" key={l.id} py="xs" data-testid="case-organisation">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4}>
                  <Text fw={600}>{organisationName(i18n.language, l)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`organisations.types.${l.type}`)}
                  </Text>
                  <StandingBadges row={l} />
                </Stack>
                {!closed && (
                  <Button variant="subtle" color="red.8" size="xs" onClick={() => void unlink(l.id)} aria-label={t('organisations.case.unlinkFor', { name: organisationName(i18n.language, l) })}>
                    {t('organisations.case.unlink')}
                  </Button>
                )}
              </Group>
            </Box>
          ))}
        </Box>
      )}
      {!closed && (
        <Stack gap="xs">
          <TextInput
            type="search"
            label={t('organisations.case.link')}
            placeholder={t('organisations.case.linkPlaceholder')}
            value={search}
            onChange={(e) => find(e.currentTarget.value)}
          />
          {search.trim() !== '' && (
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="case-organisation-candidates">
              {candidates.length === 0 && <Text c="dimmed">{t('organisations.search.empty')}</Text>}
              {candidates.map((o) => (
                <Box component="li" key={o.id} py={4}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {organisationName(i18n.language, o)} — {t(`organisations.types.${o.type}`)}
                    </Text>
                    <Button size="xs" variant="light" onClick={() => void link(o.id)} aria-label={t('organisations.case.linkThis', { name: organisationName(i18n.language, o) })}>
                      {t('organisations.case.linkButton')}
                    </Button>
                  </Group>
                </Box>
              ))}
            </Box>
          )}
        </Stack>
      )}
    </Section>
  );
}
