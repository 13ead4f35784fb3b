import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';
import { navigate } from '../router.js';
import { saveOutputs } from '../save-files.js';
import { useCan } from '../session.js';

/** Campaigns with their deadline and counts; a province makes new ones and sends them to its communes. */
export function CampaignsList() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const f = useFormat();
  const office = useQuery('office.get', {});
  const campaigns = useQuery('campaigns.list', { limit: 200 });
  const [passphrase, setPassphrase] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const above = office.data && office.data.level !== 'commune';
  const mayCreate = useCan('campaigns.create');
  const maySend = useCan('campaigns.sendDown');
  const sendDown = async () => {
    setError(null);
    setSent(null);
    const result = await api['campaigns.sendDown']({ passphrase });
    if (!result.ok) { setError(result.error); return; }
    if (result.value.bundles.length === 0) { setSent(t('camp.sendDown.nothing')); return; }
    const saved = await saveOutputs(result.value.bundles, { title: t('camp.sendDown.save'), bundles: true });
    if (saved && !saved.ok) { setError(saved.error); return; }
    setSent(t('camp.sendDown.done', { offices: f.number(result.value.offices.length), records: f.number(result.value.records) }));
    setPassphrase('');
  };
  return (
    <section>
      <div className="toolbar">
        <h1>{t('camp.title')}</h1>
        <a href="#/campaigns/inspections">{t('camp.inspections')}</a>
        {above && mayCreate ? <button type="button" onClick={() => navigate('campaigns', 'new')}>{t('camp.new')}</button> : null}
      </div>
      <p className="hint">{t('camp.intro')}</p>
      {campaigns.data && campaigns.data.items.length === 0 ? <p className="hint">{t('camp.none')}</p> : null}
      {campaigns.data && campaigns.data.items.length > 0 ? (
        <table aria-label={t('camp.list')}>
          <thead>
            <tr>
              <th>{t('camp.field.title')}</th><th>{t('camp.field.kind')}</th><th>{t('camp.field.deadline')}</th>
              <th>{t('camp.state.on_time')}</th><th>{t('camp.state.late')}</th><th>{t('camp.state.missing')}</th><th>{t('camp.state.not_yet')}</th><th>{t('camp.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.data.items.map((c) => (
              <tr key={c.id}>
                <td><a href={`#/campaigns/${c.id}`}>{c.title}</a></td>
                <td>{t(`camp.kind.${c.kind}`)}</td>
                <td>{f.date(c.deadline)}</td>
                <td>{f.number(c.counts.on_time)}</td><td>{f.number(c.counts.late)}</td><td>{f.number(c.counts.missing)}</td><td>{f.number(c.counts.not_yet)}</td>
                <td>{t(`camp.status.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {above && maySend ? (
        <div className="card">
          <h2>{t('camp.sendDown.title')}</h2>
          <p className="hint">{t('camp.sendDown.hint')}</p>
          <label>
            {t('camp.sendDown.passphrase')}
            <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <button type="button" disabled={!passphrase} onClick={() => void sendDown()}>{t('camp.sendDown.button')}</button>
          {sent ? <p role="status">{sent}</p> : null}
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
