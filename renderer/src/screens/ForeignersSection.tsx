import { useTranslation } from 'react-i18next';
import { Can } from '../session.js';
import type { SectionProps } from '../sections.js';
import { navigate } from '../router.js';
import { DuplicateReview } from './DuplicateReview.js';
import { ForeignersList } from './ForeignersList.js';
import { PersonPage } from './PersonPage.js';
import { RegisterPerson } from './RegisterPerson.js';
import { SpreadsheetImport } from './SpreadsheetImport.js';
import { StayForm } from './StayForm.js';
import { EmploymentForm } from './EmploymentForm.js';
import { EmploymentEdit } from './EmploymentEdit.js';
import { PassportAdd } from './PassportAdd.js';
import { PersonEdit } from './PersonEdit.js';
import { EmployerForm } from './EmployerForm.js';
import { EmployersList } from './EmployersList.js';

/** #/foreigners, /new, /import, /alert/KIND, /employers/over-cap, /duplicates[/A/B], /employers[/new|ID], /ID[/stay|employment[/EID]|edit|passport|existing|created|duplicates|rescan|saved|merged/FROM] */
export function ForeignersSection({ path }: SectionProps) {
  const { t } = useTranslation();
  const [id, action, other] = path;
  const tabs = (
    <div className="toolbar" role="group" aria-label={t('reg.foreigners.title')}>
      <Can op="persons.register">
        <button type="button" onClick={() => navigate('foreigners', 'new')}>{t('reg.foreigners.register')}</button>
      </Can>
      <Can op="spreadsheet.import">
        <button type="button" onClick={() => navigate('foreigners', 'import')}>{t('reg.foreigners.import')}</button>
      </Can>
      <button type="button" onClick={() => navigate('foreigners', 'duplicates')}>{t('reg.foreigners.duplicates')}</button>
      <button type="button" onClick={() => navigate('foreigners', 'employers')}>{t('reg.foreigners.employers')}</button>
    </div>
  );
  if (!id) return <>{tabs}<ForeignersList /></>;
  if (id === 'new') return <RegisterPerson />;
  if (id === 'import') return <SpreadsheetImport />;
  if (id === 'alert') return <>{tabs}<ForeignersList alert={action} key={action} /></>;
  if (id === 'employers' && action === 'over-cap') return <EmployersList overCap />;
  if (id === 'employers') return action ? <EmployerForm id={action === 'new' ? undefined : action} key={action} /> : <EmployersList />;
  if (id === 'duplicates') return <DuplicateReview aId={action} bId={other} />;
  if (action === 'stay') return <StayForm personId={id} />;
  if (action === 'employment') return other ? <EmploymentEdit personId={id} employmentId={other} /> : <EmploymentForm personId={id} />;
  if (action === 'edit') return <PersonEdit id={id} key={id} />;
  if (action === 'passport') return <PassportAdd personId={id} />;
  return <PersonPage id={id} notice={action} from={other} key={`${id}/${action ?? ''}`} />;
}
