import { CaseList } from '../cases/list/CaseList';
import { showList } from '../cases/list/caseList.actions';
import { caseListSelectors, useCaseListStore } from '../cases/list/caseList.store';
import { IntakeForm } from '../cases/list/IntakeForm';
import { CasePage } from './CasePage';

/** The cases section: the list, the intake form, or the open case (which assembles every feature's sections). */
export function CasesScreen() {
  const view = useCaseListStore(caseListSelectors.view);
  if (view.kind === 'case') return <CasePage caseId={view.caseId} onBack={showList} />;
  if (view.kind === 'intake') return <IntakeForm onCancel={showList} />;
  return <CaseList />;
}
