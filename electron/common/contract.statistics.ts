/**
 * Non-identifying statistics (merged into `contract` in contract.ts): supervisors and
 * administrators. Only tables that went through small-cell suppression in core cross this boundary;
 * the schema refuses any count from 1 to k−1 (StatisticsTableSchema).
 */
import { z } from 'zod';
import { CsvHeadingsSchema, StatisticsRequestSchema, StatisticsTableSchema } from './statistics';
import { type ContractSlice } from './schemas';

export const statisticsContract = {
  /** One table (a dimension by month, quarter or year), suppressed under the vault's k; audited. */
  'statistics:table': { input: StatisticsRequestSchema, output: StatisticsTableSchema },
  /**
   * The same suppressed table as CSV (UTF-8 with a byte-order mark), written where the user chooses
   * in the save dialog; audited with the file written. `saved: false`: the dialog was cancelled and
   * nothing was written or recorded.
   */
  'statistics:exportCsv': {
    input: StatisticsRequestSchema.extend({ headings: CsvHeadingsSchema }).strict(),
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable(), rows: z.number().int() }),
  },
} as const satisfies ContractSlice<'statistics'>;
