import type { PrintFooter } from '../../../electron/common/contract.exports';
import type { Locale } from '../../../electron/common/errors';
import type { FieldId, SummaryDocument, SummaryField, SummarySection, Value } from '../../../electron/common/summary';
import { issueDateText, summaryLabels, valueText, type SummaryLabels } from './summaryFormat';
import './PrintView.css';

export interface PrintViewProps {
  document: SummaryDocument;
  footer: PrintFooter;
  locale: Locale;
  /** Why the recipient receives the copy: printed on the first page (the running texts carry the recipient). */
  purpose?: string;
}

/**
 * A printed case summary, as an agency files it: the title, who it is for and why, the sealed
 * information it carries (if any, boxed on the first page), then the sections the profile allows. Plain semantic HTML with
 * its own print stylesheet; the same component is the preview on screen and the page printed.
 * Everything comes from core's already-redacted document: nothing here can add a field.
 */
export function PrintView({ document: doc, footer, locale, purpose }: PrintViewProps) {
  const l = summaryLabels(locale);
  const title = l.t(`summary.title.${doc.profile}`);
  const separator = l.t('summary.sealed.separator');
  const sealed = doc.sections.find((section) => section.id === 'sealed');
  const open = doc.sections.filter((section) => section.id !== 'sealed');
  return (
    <article className="mp-doc" lang={locale} aria-label={title}>
      <header className="mp-head">
        <div className="mp-titleline">
          <h1>{title}</h1>
          {doc.caseReference !== null && <p className="mp-ref">{doc.caseReference}</p>}
        </div>
        <p className="mp-for">{l.t(`summary.profileFor.${doc.profile}`)}</p>
        <dl className="mp-meta">
          {doc.caseReference !== null && <Meta label={l.t('summary.meta.caseReference')} value={doc.caseReference} />}
          <Meta label={l.t('summary.meta.exportNumber')} value={footer.number ?? l.t('summary.meta.notNumbered')} />
          <Meta label={l.t('summary.meta.exportedOn')} value={issueDateText(l, footer.exportedOn)} />
          <Meta label={l.t('summary.meta.copy')} value={footer.copy === null ? l.t('summary.value.none') : l.t('summary.meta.copyNumber', { copy: footer.copy })} />
          <Meta label={l.t('summary.meta.exporter')} value={footer.exporter} />
          <Meta label={l.t('summary.meta.anchor')} value={l.t('summary.meta.anchorValue', { seq: footer.anchor.seq, mac: footer.anchor.mac })} />
          <Meta label={l.t('summary.meta.recipient')} value={footer.recipient} wide />
          {purpose !== undefined && <Meta label={l.t('summary.meta.purpose')} value={purpose} wide />}
        </dl>
      </header>

      {doc.sealedIncluded.length > 0 && (
        // The sealed items this copy carries, stated and shown together on the first page: whoever
        // holds the copy sees at once what must be kept locked away.
        <aside className="mp-sealed" aria-label={l.t('summary.sealed.title')} data-testid="summary-sealed-statement">
          <p className="mp-sealed-title">{l.t('summary.sealed.title')}</p>
          <p>{l.t('summary.sealed.body', { items: doc.sealedIncluded.map((item) => l.t(`summary.sealedItem.${item}`)).join(separator) })}</p>
          {sealed && <SummarySectionView section={sealed} l={l} />}
        </aside>
      )}
      <p className="mp-handling">{l.t('summary.handling')}</p>

      {open.map((section) => (
        <SummarySectionView key={section.id} section={section} l={l} />
      ))}
      <p className="mp-end">{l.t('summary.end')}</p>
    </article>
  );
}

function SummarySectionView({ section, l }: { section: SummarySection; l: SummaryLabels }) {
  return (
    <section className={section.id === 'sealed' ? 'mp-section mp-section-sealed' : 'mp-section'} aria-labelledby={`mp-section-${section.id}`}>
      <h2 id={`mp-section-${section.id}`}>{l.t(`summary.section.${section.id}`)}</h2>
      {section.fields.length === 0 ? (
        <p className="mp-none">{l.t('summary.value.noRows')}</p>
      ) : (
        <dl className="mp-fields">
          {section.fields.map((field) => (
            <FieldRow key={field.id} field={field} l={l} />
          ))}
        </dl>
      )}
    </section>
  );
}

function Meta({ label, value, wide = false }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={wide ? 'mp-meta-item mp-wide' : 'mp-meta-item'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function FieldRow({ field, l }: { field: SummaryField; l: SummaryLabels }) {
  const label = l.t(`summary.field.${field.id}`);
  if (field.value.t === 'table') {
    return (
      <div className="mp-field mp-field-table">
        <dt>{label}</dt>
        <dd>
          <SummaryTable value={field.value} l={l} caption={label} />
        </dd>
      </div>
    );
  }
  return (
    <div className="mp-field">
      <dt>{label}</dt>
      <dd>{scalarText(l, field.id, field.value)}</dd>
    </div>
  );
}

/** A scalar field's text. */
function scalarText(l: SummaryLabels, id: FieldId, value: Exclude<Value, { t: 'table' }>): string {
  return valueText(l, value, { capitalFamily: id === 'name' });
}

function SummaryTable({ value, l, caption }: { value: Extract<Value, { t: 'table' }>; l: SummaryLabels; caption: string }) {
  if (value.rows.length === 0) return <p className="mp-none">{l.t('summary.value.noRows')}</p>;
  return (
    <table className="mp-table" aria-label={caption}>
      <thead>
        <tr>
          {value.columns.map((column) => (
            <th key={column} scope="col">
              {l.t(`summary.column.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {value.rows.map((row, r) => (
          // Rows are positional and never reordered: the index is their identity.
          <tr key={r}>
            {row.map((cell, c) => (
              <td key={c}>{cellContent(l, value.columns[c], cell)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function cellContent(l: SummaryLabels, column: string | undefined, cell: Value) {
  if (cell.t === 'table') return <SummaryTable value={cell} l={l} caption={column ? l.t(`summary.column.${column}`) : ''} />;
  // Several codes in one cell (the reasons a pathway applies) read as a list, one a line.
  if (cell.t === 'codes' && cell.v.length > 1) {
    return (
      <ul className="mp-codes">
        {cell.v.map((code) => (
          <li key={code}>{valueText(l, { ...cell, v: [code] })}</li>
        ))}
      </ul>
    );
  }
  return valueText(l, cell);
}
