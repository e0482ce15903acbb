import { Checkbox, Group, MultiSelect, NativeSelect, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { COMMON_LANGUAGES, COMMON_NATIONALITIES, PersonSchema, SEXES, type Person } from '../../../../electron/common/cases';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { dateIn, dateOut, parseWith } from './caseForms';
import { updateCase } from './casePage.actions';
import { EditableSection, type FormProps } from './EditableSection';
import { Fields } from './Fields';
import { useLabels } from './labels';

export function PersonSection({ detail }: { detail: CaseDetail }) {
  const { t, vocab, date } = useLabels();
  const p = detail.person;
  return (
    <EditableSection<Person, Person>
      title={t('casePage.person.title')}
      toDraft={() => structuredClone(p)}
      parse={(draft) => parseWith(PersonSchema, draft)}
      send={(person) => updateCase({ person })}
      issuePrefix="person"
      form={(props) => <PersonForm {...props} />}
      view={
        <Fields
          items={[
            [t('casePage.person.familyName'), p.familyName],
            [t('casePage.person.givenName'), p.givenName],
            [t('casePage.person.nativeName'), [p.familyNameNative, p.givenNameNative].filter(Boolean).join(' ')],
            [t('casePage.person.aliases'), p.aliases.join(', ')],
            [t('casePage.person.sex'), vocab('sex', p.sex)],
            [t('casePage.person.dateOfBirth'), date(p.dateOfBirth)],
            [t('casePage.person.nationality'), vocab('nationality', p.nationality)],
            [t('casePage.person.languages'), p.languages.map((l) => vocab('language', l)).join(', ')],
            [t('casePage.person.interpreterNeeded'), p.interpreterNeeded ? t('casePage.common.yes') : t('casePage.common.no')],
          ]}
        />
      }
    />
  );
}

function PersonForm({ draft, setDraft, errors }: FormProps<Person>) {
  const { t, vocab, fieldError } = useLabels();
  const set = <K extends keyof Person>(key: K, value: Person[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const nationalities = [...new Set([...COMMON_NATIONALITIES, draft.nationality])];
  const languages = [...new Set([...COMMON_LANGUAGES, ...draft.languages])];
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('casePage.person.familyName')} required value={draft.familyName} onChange={(e) => set('familyName', e.currentTarget.value)} error={fieldError(errors, 'familyName')} />
        <TextInput label={t('casePage.person.givenName')} value={draft.givenName} onChange={(e) => set('givenName', e.currentTarget.value)} error={fieldError(errors, 'givenName')} />
        <TextInput label={t('casePage.person.familyNameNative')} value={draft.familyNameNative} onChange={(e) => set('familyNameNative', e.currentTarget.value)} error={fieldError(errors, 'familyNameNative')} />
        <TextInput label={t('casePage.person.givenNameNative')} value={draft.givenNameNative} onChange={(e) => set('givenNameNative', e.currentTarget.value)} error={fieldError(errors, 'givenNameNative')} />
      </SimpleGrid>
      <TagsInput label={t('casePage.person.aliases')} description={t('casePage.form.tagsHint')} value={draft.aliases} onChange={(v) => set('aliases', v)} error={fieldError(errors, 'aliases')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect label={t('casePage.person.sex')} value={draft.sex} onChange={(e) => set('sex', e.currentTarget.value as Person['sex'])} data={SEXES.map((s) => ({ value: s, label: vocab('sex', s) }))} />
        <TextInput type="date" label={t('casePage.person.dateOfBirth')} value={dateIn(draft.dateOfBirth)} onChange={(e) => set('dateOfBirth', dateOut(e.currentTarget.value))} error={fieldError(errors, 'dateOfBirth')} />
        <NativeSelect label={t('casePage.person.nationality')} value={draft.nationality} onChange={(e) => set('nationality', e.currentTarget.value)} data={nationalities.map((n) => ({ value: n, label: vocab('nationality', n) }))} error={fieldError(errors, 'nationality')} />
      </SimpleGrid>
      <MultiSelect label={t('casePage.person.languages')} value={draft.languages} onChange={(v) => set('languages', v)} data={languages.map((l) => ({ value: l, label: vocab('language', l) }))} searchable error={fieldError(errors, 'languages')} />
      <Group>
        <Checkbox label={t('casePage.person.interpreterNeeded')} checked={draft.interpreterNeeded} onChange={(e) => set('interpreterNeeded', e.currentTarget.checked)} />
      </Group>
    </>
  );
}
