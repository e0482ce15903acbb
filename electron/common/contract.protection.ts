/** The three considerations, the victim's wishes and IOM consent (merged into `contract` in contract.ts). DESIGN.md §6. */
import { CaseDetailSchema } from './caseDetail';
import { ConsiderationInputSchema, IomConsentInputSchema, WishInputSchema } from './protection';
import { CaseRef, type ContractSlice } from './schemas';

export const protectionContract = {
  /** Adds an assessment of one of the three considerations (the history keeps every one). */
  'protection:recordConsideration': { input: CaseRef.extend({ consideration: ConsiderationInputSchema }).strict(), output: CaseDetailSchema },
  'protection:recordWish': { input: CaseRef.extend({ wish: WishInputSchema }).strict(), output: CaseDetailSchema },
  'protection:recordIomConsent': { input: CaseRef.extend({ consent: IomConsentInputSchema }).strict(), output: CaseDetailSchema },
} as const satisfies ContractSlice<'protection'>;
