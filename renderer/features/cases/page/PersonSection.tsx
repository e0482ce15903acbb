import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { PERSON_DATES, PersonSchema, type Person } from '../../../../electron/common/cases';
import { useLabels } from '../../../i18n/labels';
import { Fields } from '../../../ui/Fields';
import { parseWith, withDateRules } from '../../../ui/forms';
import { personDraft, personInput, type PersonDraft } from '../fields/caseDrafts';
import { PersonFields } from '../fields/PersonFields';
import { updateCase } from './casePage.actions';
import { EditableSection } from './EditableSection';

export function PersonSection({ detail }: { detail: CaseDetail }) {
  const { t, vocab, date } = useLabels();
  const p = detail.person;
  return (
    <EditableSection<PersonDraft, Person>
      title={t('caseFields.person.title')}
      toDraft={() => personDraft(p)}
      parse={(draft) => withDateRules(parseWith(PersonSchema, personInput(draft)), PERSON_DATES)}
      send={(person) => updateCase({ person })}
      issuePrefix="person"
      form={(props) => <PersonFields {...props} />}
      view={
        <Fields
          items={[
            [t('caseFields.person.familyName'), p.familyName],
            [t('caseFields.person.givenName'), p.givenName],
            [t('casePage.person.nativeName'), [p.familyNameNative, p.givenNameNative].filter(Boolean).join(' ')],
            [t('caseFields.person.preferredName'), p.preferredName],
            [t('caseFields.person.aliases'), p.aliases.join(', ')],
            [t('caseFields.person.sex'), vocab('sex', p.sex)],
            [t('caseFields.person.dateOfBirth'), date(p.dateOfBirth)],
            [t('caseFields.person.nationality'), vocab('nationality', p.nationality)],
            [t('caseFields.person.languages'), p.languages.map((l) => vocab('language', l)).join(', ')],
            [t('caseFields.person.interpreterNeeded'), p.interpreterNeeded ? t('caseFields.yes') : t('caseFields.no')],
          ]}
        />
      }
    />
  );
}
