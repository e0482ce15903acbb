import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { Guidance, Pathway, PathwayGuidance } from '../../../electron/common/guidance';
import { useLabels } from '../../i18n/labels';
import { Section } from '../../ui/Section';
import { ChecklistLink } from '../cases/page/ChecklistLink';

interface GuidancePanelProps {
  guidance: Guidance;
  chosen: Pathway | null;
  /** Absent while a recommendation awaits approval: nothing can be chosen then. */
  onChoose?: (pathway: Pathway) => void;
}

/**
 * What the residence guidance rule says of the case as it stands (DESIGN.md §6): warnings first,
 * then each applicable pathway with why it applies and what is still missing. It never decides.
 */
export function GuidancePanel({ guidance, chosen, onChoose }: GuidancePanelProps) {
  const { t, tx } = useLabels();
  return (
    <Section title={t('decisions.guidance.title')}>
      <Text fw={600} data-testid="guidance-disclaimer">
        {t('decisions.guidance.disclaimer')}
      </Text>
      {guidance.warnings.length > 0 && (
        // A standing state of the case, not a failure: read when the user reaches it.
        <Alert role="status" color="orange" variant="light" title={t('decisions.guidance.warningsTitle')} data-testid="guidance-warnings">
          <List size="sm" spacing={4}>
            {guidance.warnings.map((code) => (
              <List.Item key={code} data-warning={code}>
                {tx(`guidance.warning.${code}`)}
                {code === 'absconded-not-screened' && (
                  <Group mt={4}>
                    <ChecklistLink />
                  </Group>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {guidance.pathways.length === 0 ? (
        <Text data-testid="guidance-none">{t('decisions.guidance.none')}</Text>
      ) : (
        guidance.pathways.map((g) => <PathwayCard key={g.pathway} guidance={g} chosen={chosen === g.pathway} onChoose={onChoose} />)
      )}
    </Section>
  );
}

function PathwayCard({ guidance, chosen, onChoose }: { guidance: PathwayGuidance; chosen: boolean; onChoose?: (pathway: Pathway) => void }) {
  const { t, tx } = useLabels();
  const headingId = useId();
  const { pathway, reasons, missing } = guidance;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid={`guidance-pathway-${pathway}`} bg={chosen ? 'mamori.0' : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs">
            <Title order={4} id={headingId}>
              {tx(`guidance.pathway.${pathway}`)}
            </Title>
            {chosen && (
              <Badge variant="filled" tt="none">
                {t('decisions.guidance.chosen')}
              </Badge>
            )}
          </Group>
          {onChoose && !chosen && (
            <Button size="xs" variant="default" onClick={() => onChoose(pathway)} data-testid={`guidance-choose-${pathway}`}>
              {t('decisions.guidance.choose')}
            </Button>
          )}
        </Group>
        <Text size="sm">{tx(`guidance.pathwayHelp.${pathway}`)}</Text>
        <ItemList title={t('decisions.guidance.why')} items={reasons.map((code) => tx(`guidance.reason.${code}`))} />
        {missing.length === 0 ? (
          <Text size="sm" fw={600} c="teal.9">
            {t('decisions.guidance.nothingMissing')}
          </Text>
        ) : (
          <ItemList title={t('decisions.guidance.missing')} items={missing.map((code) => tx(`guidance.missing.${code}`))} />
        )}
      </Stack>
    </Paper>
  );
}

function ItemList({ title, items }: { title: string; items: string[] }) {
  const titleId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700} id={titleId}>
        {title}
      </Text>
      <List size="sm" spacing={2} aria-labelledby={titleId}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
