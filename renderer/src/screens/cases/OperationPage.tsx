import { useTranslation } from 'react-i18next';
import type { CasePerson } from '../../../../shared/contract/cases.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useFormat } from '../../format.js';
import { useQuery } from '../../hooks.js';
import { navigate } from '../../router.js';
import { AddPersonFound } from './AddPersonFound.js';
import { AddSuspect } from './AddSuspect.js';

function PersonRow({ p, n }: { p: CasePerson; n: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (p.redacted) return <tr><td>{f.number(n)}</td><td colSpan={6} className="hint">{t('cases.ui.protectedVictim')}</td></tr>;
  return (
    <tr>
      <td>{f.number(n)}</td>
      <td>{p.personId ? <a href={`#/foreigners/${p.personId}`}>{p.personName}</a> : p.described}{p.sensitive ? <> <span className="badge">{t('cases.ui.sensitive')}</span></> : null}</td>
      <td>{t(`reg.sex.${p.sex}`)} · {f.nationality(p.nationality)}</td>
      <td>{p.declaredVictim ? t('reg.yes') : t('reg.no')}</td>
      <td>{p.identifiedAs ? t(`cases.victimKind.${p.identifiedAs}`) : t('reg.empty')}</td>
      <td>{p.referredTo || t('reg.empty')}</td>
      <td>{p.noReturn ? t('cases.ui.noReturnShort') : t('reg.empty')}</td>
    </tr>
  );
}

/** One operation: particulars, persons found (possible victims only for permitted roles), suspects, closures of the site. */
export function OperationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = useQuery('operations.get', { id });
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <p>{t('common.loading')}</p>;
  const { operation: o, persons, suspects, complaints, premisesActions } = data.data;
  return (
    <section className="cases">
      <div className="toolbar">
        <h1>{t('cases.ui.operationTitle', { kind: t(`cases.operationKind.${o.kind}`), date: f.date(o.heldOn) })}</h1>
        {o.premisesId ? <button type="button" onClick={() => navigate('premises', o.premisesId ?? '', 'close', o.id)}>{t('cases.ui.closeSite')}</button> : null}
      </div>
      <section className="card" aria-label={t('reg.premises.particulars')}>
        <dl>
          <dt>{t('input.field.leadUnit')}</dt><dd>{o.leadUnit}</dd>
          <dt>{t('input.field.partners')}</dt><dd>{o.partners || t('reg.empty')}</dd>
          <dt>{t('cases.ui.where')}</dt><dd>{o.premisesId ? <a href={`#/premises/${o.premisesId}`}>{o.premisesName}</a> : o.target}</dd>
          <dt>{t('cases.ui.complaints')}</dt>
          <dd>{complaints.length === 0 ? t('reg.empty') : complaints.map((c) => (
            <a key={c.id} href={`#/cases/complaint/${c.id}`}>{f.date(c.receivedAt)} · {t(`cases.category.${c.category}`)}</a>
          ))}</dd>
          <dt>{t('cases.ui.outcomeShort')}</dt>
          <dd data-testid="operation-outcome">{t('cases.timeline.outcome', {
            found: f.number(o.personsFound), declared: f.number(o.declaredVictims), identified: f.number(o.identifiedVictims), charged: f.number(o.suspectsCharged),
          })}</dd>
          {o.summary ? <><dt>{t('input.field.summary')}</dt><dd className="pre">{o.summary}</dd></> : null}
        </dl>
      </section>
      <section className="card" aria-label={t('cases.ui.personsFound')}>
        <h2>{t('cases.ui.personsFound')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('cases.ui.number')}</th><th>{t('cases.ui.person')}</th><th>{t('cases.ui.sexNationality')}</th>
              <th>{t('cases.ui.declaredShort')}</th><th>{t('input.field.identifiedAs')}</th><th>{t('input.field.referredTo')}</th><th>{t('cases.ui.noReturnShort')}</th>
            </tr>
          </thead>
          <tbody>{persons.map((p, i) => <PersonRow key={p.id} p={p} n={i + 1} />)}</tbody>
        </table>
        <AddPersonFound operationId={id} onAdded={data.reload} />
      </section>
      <section className="card" aria-label={t('cases.ui.suspects')}>
        <h2>{t('cases.ui.suspects')}</h2>
        <table>
          <thead><tr><th>{t('cases.ui.suspectName')}</th><th>{t('cases.ui.sexNationality')}</th><th>{t('input.field.chargedOn')}</th><th>{t('input.field.courtOn')}</th></tr></thead>
          <tbody>
            {suspects.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td><td>{t(`reg.sex.${s.sex}`)} · {f.nationality(s.nationality)}</td>
                <td>{s.chargedOn ? f.date(s.chargedOn) : t('reg.empty')}</td><td>{s.courtOn ? f.date(s.courtOn) : t('reg.empty')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <AddSuspect operationId={id} onAdded={data.reload} />
      </section>
      <section className="card" aria-label={t('cases.ui.siteActions')}>
        <h2>{t('cases.ui.siteActions')}</h2>
        {premisesActions.length === 0 ? <p className="hint">{t('cases.ui.noSiteActions')}</p> : (
          <ul>
            {premisesActions.map((a) => (
              <li key={a.id}>{f.date(a.onDate)} · {a.premisesName} · {t(`cases.premisesAction.${a.action}`)}{a.legalReason ? ` — ${a.legalReason}` : ''}</li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
