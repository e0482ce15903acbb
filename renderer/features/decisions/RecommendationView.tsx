import { List, Stack, Text } from '@mantine/core';
import type { DecisionDraft } from '../../../electron/common/decisions';
import { ART_50_5_FACTORS } from '../../../electron/common/guidance';
import { CONSIDERATION_KINDS } from '../../../electron/common/protection';
import { useLabels } from '../../i18n/labels';
import { Fields } from '../../ui/Fields';
import { hasStatus } from './decisionForms';

/** A recommendation as it was submitted, read-only. */
export function RecommendationView({ draft }: { draft: DecisionDraft }) {
  const { t, tx, vocab } = useLabels();
  const srp = draft.pathway === 'special-residence-permission';
  return (
    <Stack gap="md" data-testid="decision-recommendation">
      <Fields
        items={[
          [t('decisions.view.pathway'), tx(`guidance.pathway.${draft.pathway}`)],
          ...(hasStatus(draft.pathway)
            ? ([
                [t('decisions.view.proposedStatus'), draft.proposedStatus ? vocab('statusOfResidence', draft.proposedStatus) : ''],
                [t('decisions.view.proposedPeriod'), draft.proposedPeriod],
              ] as [string, string][])
            : []),
        ]}
      />
      <Block title={t('decisions.view.considerations')}>
        <Fields items={CONSIDERATION_KINDS.map((kind) => [vocab('considerationKind', kind), draft.considerationReasons[kind] ?? ''])} />
      </Block>
      {srp && (
        <Block title={t('decisions.view.factors')}>
          <Fields items={ART_50_5_FACTORS.map((factor) => [tx(`guidance.factor.${factor}`), draft.factorReasons[factor] ?? ''])} />
        </Block>
      )}
      <Block title={t('decisions.view.summary')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{draft.summary || '—'}</Text>
      </Block>
      <Block title={t('decisions.view.documents')}>
        {draft.documents.length === 0 ? (
          <Text size="sm">{t('decisions.view.noDocuments')}</Text>
        ) : (
          <List size="sm" spacing={2}>
            {draft.documents.map((code) => (
              <List.Item key={code}>{tx(`guidance.document.${code}`)}</List.Item>
            ))}
          </List>
        )}
      </Block>
    </Stack>
  );
}

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}
