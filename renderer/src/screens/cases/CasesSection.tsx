import type { SectionProps } from '../../sections.js';
import './cases.css';
import { CasesHome } from './CasesHome.js';
import { ComplaintForm } from './ComplaintForm.js';
import { ComplaintPage } from './ComplaintPage.js';
import { OperationForm } from './OperationForm.js';
import { OperationPage } from './OperationPage.js';

/** #/cases, #/cases/complaint/new|ID, #/cases/operation/new[/COMPLAINTID], #/cases/operation/ID */
export function CasesSection({ path }: SectionProps) {
  const [kind, id, sub] = path;
  if (kind === 'complaint' && id === 'new') return <ComplaintForm />;
  if (kind === 'complaint' && id) return <ComplaintPage id={id} key={id} />;
  if (kind === 'operation' && id === 'new') return <OperationForm complaintId={sub} />;
  if (kind === 'operation' && id) return <OperationPage id={id} key={id} />;
  return <CasesHome />;
}
