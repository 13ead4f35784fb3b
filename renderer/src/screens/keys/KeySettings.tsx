import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useFormat } from '../../format.js';
import { useQuery } from '../../hooks.js';
import { RecoverySheet } from './RecoverySheet.js';

/** The administrator's view of the register's key: which ways open it (no secret), and a new recovery sheet. */
export function KeySettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useQuery('keys.status', {});
  const s = status.data;
  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('keys.title')}</h2>
      <p className="hint">{t('keys.intro')}</p>
      {status.error ? <ErrorMessage error={status.error} /> : null}
      {s ? (
        <dl>
          <dt>{t('keys.passphrases')}</dt>
          <dd>{s.passphrases.join(', ') || t('keys.none')}</dd>
          <dt>{t('keys.recovery')}</dt>
          <dd>{s.recovery ? f.date(s.recovery) : t('keys.none')}</dd>
          <dt>{t('keys.os')}</dt>
          <dd>{s.os ? t('keys.yes') : t('keys.no')}</dd>
        </dl>
      ) : null}
      <p className="hint">{t('keys.printSheetHint')}</p>
      <RecoverySheet confirm={s?.recovery != null} onMade={status.reload} />
    </section>
  );
}
