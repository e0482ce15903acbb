import { Box, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Locale } from '../../../electron/common/errors';
import { useLabels } from '../../i18n/labels';
import type { SummaryPreview } from './exports.actions';
import { PrintView } from './PrintView';
import { runningTexts, summaryLabels } from './summaryFormat';

interface SummaryPreviewPaneProps {
  preview: SummaryPreview;
  purpose: string;
  locale: Locale;
  /** Seconds until a preview carrying sealed values is hidden; null when it carries none. */
  hidesIn: number | null;
  onHide: () => void;
}

/**
 * The redaction preview: what this kind of summary leaves out, then the first page as it will
 * print, between the running texts every page carries (on paper they sit in the page margins).
 */
export function SummaryPreviewPane({ preview, purpose, locale, hidesIn, onHide }: SummaryPreviewPaneProps) {
  const { t } = useLabels();
  const { document: doc, footer } = preview;
  const running = runningTexts(summaryLabels(locale), footer);
  const [before, between, after] = running.page;
  return (
    <Stack gap="md" component="section" aria-label={t('exports.preview.label')} data-testid="export-preview-pane">
      <Group justify="space-between" align="center">
        <Title order={3}>{t('exports.preview.title')}</Title>
        {hidesIn !== null && (
          <Group gap="sm">
            <Text size="sm" role="timer" fw={600}>
              {t('reveal.hidesIn', { count: hidesIn })}
            </Text>
            <Button size="xs" variant="default" onClick={onHide}>
              {t('reveal.hide')}
            </Button>
          </Group>
        )}
      </Group>

      <Paper withBorder p="sm" bg="gray.0" component="section" aria-labelledby="export-omitted-title" data-testid="export-omitted">
        <Text id="export-omitted-title" fw={700} size="sm">
          {t('exports.preview.omitted')}
        </Text>
        <Text size="xs" c="dimmed" mb={6}>
          {t('exports.preview.omittedHint')}
        </Text>
        {doc.omitted.length === 0 ? (
          <Text size="sm">{t('exports.preview.noneOmitted')}</Text>
        ) : (
          <Group component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
            {doc.omitted.map((field) => (
              <Text component="li" key={field} size="xs" c="gray.8" px={6} py={1} bg="white" bd="1px solid var(--mantine-color-gray-4)" style={{ borderRadius: 4 }}>
                <Text span inherit td="line-through">
                  {t(`summary.field.${field}`)}
                </Text>
                <VisuallyHidden> ({t('exports.preview.notIncluded')})</VisuallyHidden>
              </Text>
            ))}
          </Group>
        )}
      </Paper>

      {/* One sheet: the running texts above and below, as the page margins print them. */}
      <Box style={{ background: '#fff', border: '1px solid var(--mantine-color-gray-4)', boxShadow: '0 1px 6px rgba(0,0,0,.12)' }} lang={locale}>
        <Group justify="space-between" px={32} pt={20} pb={8} style={{ fontSize: '8.5pt', fontWeight: 700 }}>
          <span style={{ color: '#8a1c1c' }}>{running.confidential}</span>
          <span>{running.number}</span>
        </Group>
        <Box px={32} py={8}>
          <PrintView document={doc} footer={footer} locale={locale} purpose={purpose} />
        </Box>
        <Group justify="space-between" align="flex-start" px={32} pt={8} pb={20} style={{ fontSize: '7.5pt', color: '#333' }} wrap="nowrap">
          <span>
            {running.recipient}
            <br />
            {running.exporter}
          </span>
          <span style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
            {`${before}1${between}n${after}`}
            <br />
            {running.anchor}
          </span>
        </Group>
      </Box>
      <Text size="xs" c="dimmed">
        {t('exports.preview.running')}
      </Text>
    </Stack>
  );
}
