/** Printed case summaries and the export register (merged into `contract` in contract.ts). DESIGN.md §7. */
import { z } from 'zod';
import { distinct, Id, Reason, type ContractSlice } from './schemas';
import { FIELDS, PROFILES, PurposeSchema, RecipientSchema, SEALED_ITEMS, SECTIONS, type Value } from './summary';

const ValueSchema: z.ZodType<Value> = z.lazy(() =>
  z.discriminatedUnion('t', [
    z.object({ t: z.literal('text'), v: z.string() }),
    z.object({ t: z.literal('date'), v: z.string().nullable() }),
    z.object({ t: z.literal('datetime'), v: z.string().nullable() }),
    z.object({ t: z.literal('bool'), v: z.boolean() }),
    z.object({ t: z.literal('code'), list: z.string(), v: z.string().nullable() }),
    z.object({ t: z.literal('codes'), list: z.string(), v: z.array(z.string()) }),
    z.object({ t: z.literal('name'), family: z.string(), given: z.string() }),
    z.object({ t: z.literal('table'), columns: z.array(z.string()), rows: z.array(z.array(ValueSchema)) }),
  ]),
);

export const SummaryDocumentSchema = z.object({
  profile: z.enum(PROFILES),
  caseReference: z.string().nullable(),
  generatedOn: z.string(),
  sections: z.array(z.object({ id: z.enum(SECTIONS), fields: z.array(z.object({ id: z.enum(FIELDS), value: ValueSchema })) })),
  sealedIncluded: z.array(z.enum(SEALED_ITEMS)),
  omitted: z.array(z.enum(FIELDS)),
});

/** What is printed on every page beside the content (DESIGN.md §7). */
export const PrintFooterSchema = z.object({
  /** EXP-2026-000123; null in a preview (nothing is numbered until it leaves the vault). */
  number: z.string().nullable(),
  copy: z.number().int().nullable(),
  recipient: z.string(),
  exporter: z.string(),
  exportedOn: z.string(),
  /** The audit head when the summary was made: sequence and the first 8 hex of its MAC. */
  anchor: z.object({ seq: z.number().int(), mac: z.string() }),
});
export type PrintFooter = z.infer<typeof PrintFooterSchema>;

/** What the print view lays out: the redacted document, the running texts of every page, the language, and the purpose (page 1). */
export const PrintJobSchema = z.object({
  document: SummaryDocumentSchema,
  footer: PrintFooterSchema,
  locale: z.enum(['en', 'ja']),
  purpose: z.string(),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

export const ExportRequestSchema = z
  .object({
    caseId: Id,
    profile: z.enum(PROFILES),
    recipient: RecipientSchema,
    purpose: PurposeSchema,
    /** Supervisors only: sealed items the profile allows, added to this one export, with the reason. */
    sealed: z.object({ items: distinct(z.enum(SEALED_ITEMS), SEALED_ITEMS.length).pipe(z.array(z.enum(SEALED_ITEMS)).min(1)), reason: Reason }).strict().optional(),
    locale: z.enum(['en', 'ja']),
  })
  .strict();
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

export const ExportEntrySchema = z.object({
  number: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  profile: z.enum(PROFILES),
  medium: z.enum(['pdf', 'print']),
  copy: z.number().int(),
  recipient: z.string(),
  purpose: z.string(),
  exportedBy: z.string(),
  exportedAt: z.string(),
  pages: z.number().int(),
  sha256: z.string(),
  sealedItems: z.array(z.enum(SEALED_ITEMS)),
  sealedAuthorisedBy: z.string().nullable(),
  /** The day the case was purged (its recipient, purpose and reasons went with it); null while the case exists. */
  casePurgedOn: z.string().nullable(),
});
export type ExportEntry = z.infer<typeof ExportEntrySchema>;

export const exportsContract = {
  /** The redacted summary for the preview: what the profile leaves out is marked, nothing is numbered. Audited. */
  'exports:preview': { input: ExportRequestSchema, output: z.object({ document: SummaryDocumentSchema, footer: PrintFooterSchema }) },
  /** Renders the summary to PDF, asks where to save it (OS dialog), writes it (0600), records it. */
  'exports:savePdf': { input: ExportRequestSchema, output: ExportEntrySchema },
  /** Prints the summary (OS print dialog) and records it. */
  'exports:print': { input: ExportRequestSchema, output: ExportEntrySchema },
  /** The export register: supervisors see every entry, officers their own; newest first. */
  'exports:list': {
    input: z.object({ before: z.string().optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({ entries: z.array(ExportEntrySchema), nextBefore: z.string().nullable() }),
  },
} as const satisfies ContractSlice<'exports'>;
