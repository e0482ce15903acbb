import { Checkbox, MultiSelect, NativeSelect, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { COMMON_LANGUAGES, COMMON_NATIONALITIES, PERSON_DATES, SEXES } from '../../../../electron/common/cases';
import { useLabels } from '../../../i18n/labels';
import { DateField } from '../../../ui/DateField';
import { dateBinder, textBinder, type FieldSetProps } from '../../../ui/fieldSet';
import type { PersonDraft } from './caseDrafts';
import { useVocabOptions } from './options';

/** Who the person is: names in Latin and native script, the name they wish to be called, aliases, sex, birth, nationality, languages. */
export function PersonFields(props: FieldSetProps<PersonDraft>) {
  const { value: p, onChange: set, error } = props;
  const { t } = useLabels();
  const options = useVocabOptions();
  const text = textBinder(props);
  const date = dateBinder(props);
  // A code recorded before it was in the common lists stays choosable.
  const nationalities = options('nationality', [...new Set([...COMMON_NATIONALITIES, ...(p.nationality ? [p.nationality] : [])])]).sort((a, b) => a.label.localeCompare(b.label));
  const languages = options('language', [...new Set([...COMMON_LANGUAGES, ...p.languages])]);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('caseFields.person.familyName')} required autoComplete="off" {...text('familyName')} />
        <TextInput label={t('caseFields.person.givenName')} autoComplete="off" {...text('givenName')} />
        <TextInput label={t('caseFields.person.familyNameNative')} autoComplete="off" {...text('familyNameNative')} />
        <TextInput label={t('caseFields.person.givenNameNative')} autoComplete="off" {...text('givenNameNative')} />
      </SimpleGrid>
      <TextInput label={t('caseFields.person.preferredName')} description={t('caseFields.person.preferredNameHint')} autoComplete="off" maxLength={80} {...text('preferredName')} />
      <TagsInput label={t('caseFields.person.aliases')} description={t('caseFields.person.aliasesHint')} value={p.aliases} onChange={(aliases) => set({ aliases })} maxTags={20} error={error('aliases')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect label={t('caseFields.person.sex')} required data={options('sex', SEXES, p.sex)} {...text('sex')} />
        <DateField label={t('caseFields.person.dateOfBirth')} kind={PERSON_DATES.dateOfBirth} {...date('dateOfBirth')} />
        <Select
          label={t('caseFields.person.nationality')}
          required
          searchable
          placeholder={t('caseFields.choose')}
          data={nationalities}
          value={p.nationality || null}
          onChange={(nationality) => set({ nationality: nationality ?? '' })}
          error={error('nationality')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('caseFields.person.languages')}
        required
        searchable
        placeholder={p.languages.length === 0 ? t('caseFields.choose') : undefined}
        data={languages}
        value={p.languages}
        onChange={(chosen) => set({ languages: chosen })}
        maxValues={6}
        error={error('languages')}
      />
      <Checkbox label={t('caseFields.person.interpreterNeeded')} checked={p.interpreterNeeded} onChange={(e) => set({ interpreterNeeded: e.currentTarget.checked })} />
    </Stack>
  );
}
