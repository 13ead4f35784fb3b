import type { SectionProps } from '../sections.js';
import { CheckInForm } from './CheckInForm.js';
import { ClosePremisesForm } from './ClosePremisesForm.js';
import { OwnerForm } from './OwnerForm.js';
import { PremisesForm } from './PremisesForm.js';
import { PremisesList } from './PremisesList.js';
import { PremisesPage } from './PremisesPage.js';
import { ReopenPremisesForm } from './cases/ReopenPremisesForm.js';

/** #/premises, #/premises/new, #/premises/alert/KIND, #/premises/ID, #/premises/ID/edit|close[/OPERATIONID]|reopen|owner[/OWNERID]|checkin */
export function PremisesSection({ path }: SectionProps) {
  const [id, action, sub] = path;
  if (!id) return <PremisesList />;
  if (id === 'new') return <PremisesForm />;
  if (id === 'alert') return <PremisesList alert={action} key={action} />;
  if (action === 'edit') return <PremisesForm id={id} />;
  if (action === 'close') return <ClosePremisesForm id={id} operationId={sub} />;
  if (action === 'reopen') return <ReopenPremisesForm id={id} />;
  if (action === 'checkin') return <CheckInForm premisesId={id} />;
  if (action === 'owner') return <OwnerForm premisesId={id} ownerId={sub} key={sub ?? 'new'} />;
  return <PremisesPage id={id} />;
}
