/** The registry's calls to core; screens keep what they show in their own state. */
import type { ChannelInput } from '../../../electron/common/contract';
import { callInSession } from '../session/session.actions';

export const searchOrganisations = (input: ChannelInput<'organisations:search'>) => callInSession('organisations:search', input);
export const getOrganisation = (id: string) => callInSession('organisations:get', { id });
export const saveOrganisation = (input: ChannelInput<'organisations:save'>) => callInSession('organisations:save', input);
export const recordStatus = (input: ChannelInput<'organisations:recordStatus'>) => callInSession('organisations:recordStatus', input);
export const recordViolation = (input: ChannelInput<'organisations:recordViolation'>) => callInSession('organisations:recordViolation', input);
export const recordMissingReport = (input: ChannelInput<'organisations:recordMissingReport'>) => callInSession('organisations:recordMissingReport', input);
export const organisationsForCase = (caseId: string) => callInSession('organisations:forCase', { caseId });
export const linkOrganisation = (caseId: string, organisationId: string) => callInSession('organisations:linkCase', { caseId, organisationId });
export const unlinkOrganisation = (caseId: string, organisationId: string) => callInSession('organisations:unlinkCase', { caseId, organisationId });
