/** The settings channels (merged into `contract` in contract.ts). */
import { z } from 'zod';
import { AutoLockMinutesSchema, SettingsSchema } from './accounts';
import { Empty, type ContractSlice } from './schemas';

export const settingsContract = {
  'settings:get': { input: Empty, output: SettingsSchema },
  /** Administrators only. */
  'settings:update': { input: z.object({ autoLockMinutes: AutoLockMinutesSchema }).strict(), output: SettingsSchema },
} as const satisfies ContractSlice<'settings'>;
