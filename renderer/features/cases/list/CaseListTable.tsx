import { Badge, Box, Skeleton, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../../electron/common/cases';
import type { CaseListRow } from '../../../../electron/common/contract.cases';
import { ensureRows, openCase, WINDOW_SIZE } from './caseList.actions';
import { caseListSelectors, useCaseListStore } from './caseList.store';
import { deadlineState, formatDay, formatInstantDay } from './caseListFormat';

/** Fixed, so the virtualiser can place row 99,999 without measuring the rows before it. */
export const ROW_HEIGHT = 48;
/** Rows asked for only once scrolling pauses this long: dragging the scrollbar across 100,000 rows must not read every window on the way. */
const FETCH_DELAY_MS = 80;

// Minimums sum to what fits beside the navigation in a 1280-pixel window; cells ellipsise below that.
const COLUMNS = 'minmax(104px, 1fr) minmax(56px, 0.5fr) minmax(88px, 0.9fr) 64px minmax(80px, 1fr) minmax(72px, 0.9fr) minmax(96px, 1.1fr) minmax(72px, 0.9fr) minmax(112px, 1.1fr) 88px';

const RISK_COLOURS: Record<RiskLevel, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };

const gridStyle: CSSProperties = { display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'center', columnGap: 12 };
const cellStyle: CSSProperties = { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', minWidth: 0 };

function rowAt(windows: Record<number, CaseListRow[]>, index: number): CaseListRow | undefined {
  return windows[Math.floor(index / WINDOW_SIZE) * WINDOW_SIZE]?.[index % WINDOW_SIZE];
}

// The cells are plain elements in Mantine's type scale, not Mantine's Text: a screenful of rows of
// Text components cost more to mount than the rest of the list (issue 17: the first painted page
// after sign-in, and each frame of a fast scroll, mount them all).
const typeScale = (size: 'xs' | 'sm'): CSSProperties => ({ fontSize: `var(--mantine-font-size-${size})`, lineHeight: `var(--mantine-line-height-${size})` });
const textCell = (size: 'xs' | 'sm', more: CSSProperties = {}): CSSProperties => ({ ...cellStyle, ...typeScale(size), ...more });
/** Bold and red: in violation of immigration law, or a deadline passed. */
const ALARM: CSSProperties = { fontWeight: 700, color: 'var(--mantine-color-red-8)' };
const SMALL = textCell('sm');
const REFERENCE = textCell('sm', { fontFamily: 'var(--mantine-font-family-monospace)', fontWeight: 600 });
const FLAGS = textCell('xs');
const IN_VIOLATION = textCell('sm', ALARM);
const DEADLINE_DAY: Record<'overdue' | 'soon', CSSProperties> = {
  overdue: { ...typeScale('sm'), ...ALARM },
  soon: { ...typeScale('sm'), fontWeight: 700, color: 'var(--mantine-color-orange-9)' },
};
const DEADLINE_PLAIN = typeScale('sm');
const DEADLINE_GROUP: CSSProperties = { display: 'flex', flexWrap: 'nowrap', alignItems: 'center', gap: 6 };

function Deadline({ date }: { date: string | null }) {
  const { t, i18n } = useTranslation();
  if (!date) return <>{t('caseList.table.none')}</>;
  const state = deadlineState(date);
  return (
    <div style={DEADLINE_GROUP}>
      <span style={state ? DEADLINE_DAY[state] : DEADLINE_PLAIN}>{formatDay(i18n.language, date)}</span>
      {state && (
        // Colour alone would not reach everyone: the state is also said in words.
        <Badge size="xs" variant="light" tt="none" color={state === 'overdue' ? 'red' : 'orange'}>
          {t(`caseList.deadline.${state}`)}
        </Badge>
      )}
    </div>
  );
}

function RowCells({ row }: { row: CaseListRow }) {
  const { t, i18n } = useTranslation();
  const flags = row.flags.map((flag) => t(`vocab.flag.${flag}`));
  const nationality = t(`vocab.nationality.${row.nationality}`, { defaultValue: row.nationality });
  const standing = t(`vocab.standing.${row.standing}`);
  const custody = row.custody === 'none' ? t('caseList.table.none') : t(`vocab.custody.${row.custody}`);
  return (
    <>
      <span role="cell" style={REFERENCE}>
        {row.reference}
      </span>
      {/* Masked initials only (DESIGN.md §3): the full name is shown inside the case. */}
      <span role="cell" style={SMALL}>
        {row.maskedName}
      </span>
      <div role="cell" style={cellStyle}>
        <Badge variant="light" color="mamori" size="sm" tt="none">
          {t(`vocab.stage.${row.stage}`)}
        </Badge>
      </div>
      <div role="cell" style={cellStyle}>
        <Badge variant={row.riskLevel === 'critical' ? 'filled' : 'light'} color={RISK_COLOURS[row.riskLevel]} size="sm" tt="none">
          {t(`vocab.riskLevel.${row.riskLevel}`)}
        </Badge>
      </div>
      <span role="cell" style={FLAGS} title={flags.join(', ')}>
        {flags.length > 0 ? flags.join(', ') : t('caseList.table.none')}
      </span>
      <span role="cell" style={SMALL}>
        {nationality}
      </span>
      <span role="cell" style={row.standing === 'in-violation' ? IN_VIOLATION : SMALL} title={standing}>
        {standing}
      </span>
      <span role="cell" style={SMALL} title={custody}>
        {custody}
      </span>
      <div role="cell" style={cellStyle}>
        <Deadline date={row.nextDeadline} />
      </div>
      <span role="cell" style={SMALL}>
        {formatInstantDay(i18n.language, row.updatedAt)}
      </span>
    </>
  );
}

/**
 * Every matching case in one scrolling table, however many: only the rows in view are in the DOM,
 * and only the windows around them are held. Rows open their case on click, Enter or Space, and
 * the arrow keys move between rows.
 */
export function CaseListTable() {
  const { t } = useTranslation();
  const total = useCaseListStore(caseListSelectors.total) ?? 0;
  const windows = useCaseListStore(caseListSelectors.windows);
  const query = useCaseListStore(caseListSelectors.query);
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read fresh on every render, never memoised.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Few rows beyond the screen: a fast scroll mounts every one of them each frame (issue 17: no frame over 50 ms).
    overscan: 3,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last < 0) return;
    const timer = setTimeout(() => void ensureRows(first, last), FETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [first, last, query]);

  // A new search or filter is a new list: start it at the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [query]);

  const focusRow = (index: number) => {
    if (index < 0 || index >= total) return;
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: CaseListRow | undefined) => {
    if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      openCase(row.id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusRow(event.key === 'Home' ? 0 : total - 1);
    }
  };

  return (
    <Box role="table" aria-label={t('caseList.table.label')} aria-rowcount={total + 1} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      <div role="rowgroup">
        <Box role="row" aria-rowindex={1} px="sm" py={8} bg="gray.0" style={{ ...gridStyle, borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          {[
            t('caseList.table.reference'),
            t('caseList.table.name'),
            t('caseFields.stage'),
            t('caseList.table.risk'),
            t('caseFields.flags'),
            t('caseFields.person.nationality'),
            t('caseList.table.standing'),
            t('caseList.table.custody'),
            t('caseList.table.deadline'),
            t('caseList.table.updated'),
          ].map((label) => (
            <Text key={label} role="columnheader" size="xs" fw={700} c="dimmed" style={cellStyle}>
              {label}
            </Text>
          ))}
        </Box>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        style={{ height: 'max(320px, calc(100vh - 400px))', overflowY: 'auto', contain: 'strict' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(windows, item.index);
            return (
              <div
                key={item.key}
                role="row"
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-label={row ? t('caseList.table.rowLabel', { reference: row.reference, name: row.maskedName }) : t('caseList.table.loadingRow')}
                aria-busy={row ? undefined : true}
                tabIndex={0}
                onClick={row ? () => openCase(row.id) : undefined}
                onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => onKeyDown(event, item.index, row)}
                style={{
                  ...gridStyle,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW_HEIGHT,
                  paddingInline: 'var(--mantine-spacing-sm)',
                  transform: `translateY(${item.start}px)`,
                  cursor: row ? 'pointer' : 'progress',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                  background: item.index % 2 ? 'var(--mantine-color-gray-0)' : undefined,
                }}
              >
                {row ? <RowCells row={row} /> : <Skeleton role="cell" height={12} radius="sm" style={{ gridColumn: '1 / -1' }} />}
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
