/** The settings channels (merged into `contract` in contract.ts). */
import { z } from 'zod';
import { AutoLockMinutesSchema, SettingsSchema } from './accounts';
import { Empty, type ContractSlice } from './schemas';
import { StatisticsThresholdSchema } from './statistics';

export const settingsContract = {
  'settings:get': { input: Empty, output: SettingsSchema },
  /** Administrators only: changes the settings given (at least one), each audited with its old and new value. */
  'settings:update': {
    input: z
      .object({ autoLockMinutes: AutoLockMinutesSchema.optional(), statisticsThreshold: StatisticsThresholdSchema.optional() })
      .strict()
      .refine((s) => s.autoLockMinutes !== undefined || s.statisticsThreshold !== undefined, { message: 'settings.empty' }),
    output: SettingsSchema,
  },
} as const satisfies ContractSlice<'settings'>;
