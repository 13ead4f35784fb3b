import { useTranslation } from 'react-i18next';
import type { Stay } from '../../../shared/contract/registration.js';
import { AlertList } from '../components/AlertList.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { HistoryList } from '../components/HistoryList.js';
import { StayList } from '../components/StayList.js';
import { PremisesActions } from './cases/PremisesActions.js';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';
import { useLanguage } from '../i18n.js';
import { navigate } from '../router.js';
import { useCanCheck } from '../session.js';
import { RecordOrigin } from '../components/RecordOrigin.js';

function StayRows({ stays, title, onChanged }: { stays: Stay[]; title: string; onChanged: () => void }) {
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      <StayList stays={stays} show="person" onChanged={onChanged} receipts />
    </section>
  );
}

/** Particulars, owners, people now and before, pledge status, alerts and history of one premises. */
export function PremisesPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const f = useFormat();
  const data = useQuery('premises.get', { id });
  const can = useCanCheck();
  // The links carry only the MRZ-form name; the owners themselves carry the Khmer one.
  const ownerRecords = useQuery('owners.list', { premisesId: id, limit: 200 }, `${id}:${data.data?.owners.length ?? 0}`);
  const nameKm = new Map((ownerRecords.data?.items ?? []).map((o) => [o.id, o.nameKm]));
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <p>{t('common.loading')}</p>;
  const { premises: p, owners, staysNow, staysBefore, alerts } = data.data;
  return (
    <section>
      <div className="toolbar">
        <h1>{p.nameLatin} <span lang="km">{p.nameKm}</span></h1>
        {p.status === 'open' && can('stays.checkIn') ? <button type="button" className="primary" onClick={() => navigate('premises', id, 'checkin')}>{t('stays.checkIn.open')}</button> : null}
        {can('premises.update') ? <button type="button" onClick={() => navigate('premises', id, 'edit')}>{t('reg.edit')}</button> : null}
        {can('print.pledge') ? <button type="button" onClick={() => navigate('documents', 'pledge', id)}>{t('print.ui.printPledge')}</button> : null}
        {p.status === 'open'
          ? (can('premises.close') ? <button type="button" onClick={() => navigate('premises', id, 'close')}>{t('reg.premises.close')}</button> : null)
          : (can('premises.reopen') ? <button type="button" onClick={() => navigate('premises', id, 'reopen')}>{t('reg.premises.reopen')}</button> : null)}
      </div>
      <RecordOrigin entity="premises" recordId={id} mayCorrect={can('premises.update')} />
      <section className="card" aria-label={t('reg.premises.particulars')}>
        <h2>{t('reg.premises.particulars')}</h2>
        <dl>
          <dt>{t('reg.field.type')}</dt><dd>{t(`reg.premisesType.${p.type}`)}</dd>
          <dt>{t('reg.field.status')}</dt>
          <dd>{t(`reg.premisesStatus.${p.status}`)}{p.closedOn ? ` — ${t('reg.premises.closed', { date: f.date(p.closedOn), reason: p.closeReason })}` : ''}</dd>
          <dt>{t('reg.premises.address')}</dt>
          <dd>{[p.houseNo, p.street, p.village, language === 'km' ? p.placeKm : p.placeLatin].filter(Boolean).join(', ')}</dd>
          <dt>{t('reg.field.businessRegNo')}</dt><dd>{p.businessRegNo || t('reg.empty')}</dd>
          <dt>{t('reg.field.rooms')}</dt><dd>{typeof p.rooms === 'number' ? f.number(p.rooms) : t('reg.empty')}</dd>
          <dt>{t('reg.premises.pledgeStatus')}</dt><dd>{t(`reg.pledge.${p.pledgeStatus}`)}</dd>
        </dl>
      </section>
      <section className="card" aria-label={t('reg.premises.owners')}>
        <h2>{t('reg.premises.owners')}</h2>
        <ul>
          {owners.map((o) => (
            <li key={o.linkId}>{o.ownerName}{nameKm.get(o.ownerId) ? <> <span lang="km">{nameKm.get(o.ownerId)}</span></> : null}{' · '}{t(`reg.role.${o.role}`)}{' '}
              {can('owners.update') ? <button type="button" className="link" aria-label={`${t('persons.owner.editLink')} ${o.ownerName}`} onClick={() => navigate('premises', id, 'owner', o.ownerId)}>{t('persons.owner.editLink')}</button> : null}
            </li>
          ))}
        </ul>
        {can('owners.link') ? <button type="button" onClick={() => navigate('premises', id, 'owner')}>{t('reg.premises.addOwner')}</button> : null}
      </section>
      <StayRows stays={staysNow} title={t('reg.premises.peopleNow')} onChanged={data.reload} />
      <StayRows stays={staysBefore} title={t('reg.premises.peopleBefore')} onChanged={data.reload} />
      <PremisesActions premisesId={id} key={p.revision} />
      <AlertList alerts={alerts} />
      <HistoryList entity="premises" recordId={id} />
    </section>
  );
}
