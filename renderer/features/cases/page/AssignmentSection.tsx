import { Checkbox, NativeSelect, SimpleGrid, Text } from '@mantine/core';
import { useEffect } from 'react';
import { z } from 'zod';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { useLabels } from '../../../i18n/labels';
import { Fields } from '../../../ui/Fields';
import { parseWith } from '../../../ui/forms';
import { assignCase, loadStaff } from './casePage.actions';
import { casePageSelectors, useCasePageStore } from './casePage.store';
import { EditableSection } from './EditableSection';

const AssignmentSchema = z.object({
  officerIds: z.array(z.string()).min(1, { message: 'case.officers.required' }).max(10),
  supervisorId: z.string().nullable(),
});
type AssignmentDraft = z.infer<typeof AssignmentSchema>;

/** Supervisors only (core refuses anyone else): who works the case and who supervises it. */
export function AssignmentSection({ detail }: { detail: CaseDetail }) {
  const { t } = useLabels();
  const staff = useCasePageStore(casePageSelectors.staff);
  useEffect(() => {
    // Staff failing to load leaves the form's lists empty; the save would be refused anyway.
    loadStaff().catch(() => undefined);
  }, []);

  return (
    <EditableSection<AssignmentDraft, AssignmentDraft>
      title={t('casePage.assignment.title')}
      toDraft={() => ({ officerIds: detail.officers.map((o) => o.id), supervisorId: detail.supervisor?.id ?? null })}
      parse={(d) => parseWith(AssignmentSchema, d)}
      send={(d) => assignCase(d.officerIds, d.supervisorId)}
      issuePrefix=""
      view={
        <Fields
          items={[
            [t('casePage.assignment.officers'), detail.officers.map((o) => o.displayName).join(', ')],
            [t('casePage.assignment.supervisor'), detail.supervisor?.displayName ?? ''],
          ]}
        />
      }
      form={({ value: draft, onChange, error }) => {
        const officers = [...(staff?.officers ?? [])];
        for (const o of detail.officers) if (!officers.some((s) => s.id === o.id)) officers.push(o);
        const supervisors = [...(staff?.supervisors ?? [])];
        return (
          <>
            <Checkbox.Group
              label={t('casePage.assignment.officers')}
              value={draft.officerIds}
              onChange={(officerIds) => onChange({ officerIds })}
              error={error('officerIds') ? t('validation.case.officers.required') : undefined}
            >
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
                {officers.map((o) => (
                  <Checkbox key={o.id} value={o.id} label={o.displayName} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            {officers.length === 0 && <Text c="dimmed">{t('casePage.assignment.noStaff')}</Text>}
            <NativeSelect
              label={t('casePage.assignment.supervisor')}
              value={draft.supervisorId ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                onChange({ supervisorId: value === '' ? null : value });
              }}
              data={[{ value: '', label: t('casePage.assignment.noSupervisor') }, ...supervisors.map((s) => ({ value: s.id, label: s.displayName }))]}
              maw={320}
            />
          </>
        );
      }}
    />
  );
}
