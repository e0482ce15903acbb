import { Button, Checkbox, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_NATIONALITIES, EXPLOITATION_TYPES, RISK_LEVELS, STAGES } from '../../../../electron/common/cases';
import { CUSTODY, LEGAL_STANDINGS } from '../../../../electron/common/immigration';
import { CASE_SORTS, type CaseListFilter } from '../../../../electron/common/contract.cases';
import { showCases } from './caseList.actions';
import { caseListSelectors, useCaseListStore, type CaseSort } from './caseList.store';
import { DEADLINE_SOON_DAYS } from './caseListFormat';

/** Typing pauses this long before the search runs, so each keystroke does not query 100,000 cases. */
export const SEARCH_DEBOUNCE_MS = 250;

type SelectFilter = 'stage' | 'riskLevel' | 'officerId' | 'nationality' | 'exploitationType' | 'standing' | 'custody';

/** The filter with `patch` applied; an empty value removes its condition, as the contract has no "any". */
function withPatch(filter: CaseListFilter, patch: Partial<Record<keyof CaseListFilter, unknown>>): CaseListFilter {
  const next: Record<string, unknown> = { ...filter, ...patch };
  for (const [key, value] of Object.entries(next)) if (value === undefined || value === '') delete next[key];
  return next as CaseListFilter;
}

function apply(patch: Partial<Record<keyof CaseListFilter, unknown>>, sort?: CaseSort): void {
  const state = useCaseListStore.getState();
  void showCases(withPatch(state.filter, patch), sort ?? state.sort);
}

/** Search, filters and sort. Each change applies at once; the search box waits for a pause in typing. */
export function CaseListFilters({ showOfficer }: { showOfficer: boolean }) {
  const { t } = useTranslation();
  const filter = useCaseListStore(caseListSelectors.filter);
  const sort = useCaseListStore(caseListSelectors.sort);
  const officers = useCaseListStore(caseListSelectors.officers);
  const [search, setSearch] = useState(filter.query ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const searchField = useRef<HTMLInputElement>(null);
  const focusSearch = useCaseListStore(caseListSelectors.focusSearch);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!focusSearch) return;
    searchField.current?.focus();
    searchField.current?.select();
    useCaseListStore.setState({ focusSearch: false });
  }, [focusSearch]);

  const runSearch = (text: string) => {
    clearTimeout(timer.current);
    const query = text.trim();
    if (query !== (useCaseListStore.getState().filter.query ?? '')) apply({ query });
  };
  const onSearchChange = (text: string) => {
    setSearch(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => runSearch(text), SEARCH_DEBOUNCE_MS);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    runSearch(search);
  };
  const clear = () => {
    clearTimeout(timer.current);
    setSearch('');
    void showCases({}, useCaseListStore.getState().sort);
  };

  const any = { value: '', label: t('caseList.filter.any') };
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  const select = (field: SelectFilter, label: string, options: { value: string; label: string }[]) => (
    <NativeSelect
      label={label}
      data={[any, ...options]}
      value={filter[field] ?? ''}
      onChange={(event) => apply({ [field]: event.currentTarget.value })}
    />
  );

  return (
    <form onSubmit={submit} noValidate role="search" aria-label={t('caseList.filter.label')}>
      <SimpleGrid cols={{ base: 2, md: 4, xl: showOfficer ? 9 : 8 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          ref={searchField}
          type="search"
          aria-keyshortcuts="Control+K Meta+K"
          label={t('caseList.search.label')}
          placeholder={t('caseList.search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={search}
          onChange={(event) => onSearchChange(event.currentTarget.value)}
          style={{ gridColumn: 'span 2' }}
        />
        {select('stage', t('caseFields.stage'), STAGES.map((code) => ({ value: code, label: t(`vocab.stage.${code}`) })))}
        {select('riskLevel', t('caseFields.riskLevel'), RISK_LEVELS.map((code) => ({ value: code, label: t(`vocab.riskLevel.${code}`) })))}
        {showOfficer &&
          select('officerId', t('caseList.filter.officer'), officers.map((o) => ({ value: o.id, label: o.displayName })))}
        {select(
          'nationality',
          t('caseFields.person.nationality'),
          COMMON_NATIONALITIES.map((code) => ({ value: code, label: t(`vocab.nationality.${code}`) })).sort(byLabel),
        )}
        {select(
          'exploitationType',
          t('caseList.filter.exploitationType'),
          EXPLOITATION_TYPES.map((code) => ({ value: code, label: t(`vocab.exploitationType.${code}`) })),
        )}
        {/* Legal resident or in violation today: core derives it from the recorded facts (electron/common/immigration.ts). */}
        {select('standing', t('caseList.filter.standing'), LEGAL_STANDINGS.map((code) => ({ value: code, label: t(`vocab.standing.${code}`) })))}
        {select('custody', t('caseFields.immigration.custody'), CUSTODY.map((code) => ({ value: code, label: t(`vocab.custody.${code}`) })))}
      </SimpleGrid>
      <Group mt="sm" gap="lg" align="flex-end">
        <NativeSelect
          label={t('caseList.sort.label')}
          data={CASE_SORTS.map((code) => ({ value: code, label: t(`caseList.sort.${code}`) }))}
          value={sort}
          onChange={(event) => apply({}, event.currentTarget.value as CaseSort)}
        />
        <Checkbox
          mb={8}
          label={t('caseList.filter.deadlineSoon')}
          checked={filter.deadlineWithinDays !== undefined}
          onChange={(event) => apply({ deadlineWithinDays: event.currentTarget.checked ? DEADLINE_SOON_DAYS : undefined })}
        />
        <Button variant="default" onClick={clear}>
          {t('caseList.filter.clear')}
        </Button>
      </Group>
    </form>
  );
}
