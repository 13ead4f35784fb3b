import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanMatch } from '../../../shared/contract/persons.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { useQuery } from '../hooks.js';
import { personName } from '../person-form.js';
import { navigate } from '../router.js';
import { clearPendingScan, type PendingScan } from '../scan-store.js';
import { ErrorMessage } from './ErrorMessage.js';

const PASSPORT_FIELDS = new Set(['passportNo', 'issuingState', 'passportIssued', 'passportExpiry']);
type Difference = ScanMatch['differences'][number];

/**
 * A registered passport scanned again: the register and the scan side by side, every differing value
 * ticked, taken in one click. A new passport of the same person is added, the former one kept.
 */
export function RescanPanel({ scan }: { scan: PendingScan }) {
  const { t } = useTranslation();
  const compare = useQuery('persons.compareScan', { fields: scan.fields }, JSON.stringify(scan));
  const [untaken, setUntaken] = useState<Set<string>>(new Set());
  const [error, setError] = useState<AppErrorShape>();
  const [done, setDone] = useState(false);
  if (compare.error) return <ErrorMessage error={compare.error} />;
  const match = compare.data?.matches.find((m) => m.person.id === scan.personId);
  if (!match || done) return null;
  const name = personName(match.person);
  const renewing = match.kind === 'new_passport';
  const show = (field: string, v: string | boolean | null) =>
    v === null || v === '' ? '—' : typeof v === 'boolean' ? t(v ? 'reg.yes' : 'reg.no') : field === 'sex' ? t(`reg.sex.${v as 'M'}`) : v;
  const chosen = (d: Difference) => (renewing && PASSPORT_FIELDS.has(d.field)) || !untaken.has(d.field);
  const toggle = (field: string) => setUntaken((s) => { const n = new Set(s); if (n.has(field)) n.delete(field); else n.add(field); return n; });
  const finish = (notice: string, id = scan.personId) => { clearPendingScan(); setDone(true); navigate('foreigners', id, notice); };

  const take = async () => {
    const patch = Object.fromEntries(match.differences.filter((d) => chosen(d) && !(renewing && PASSPORT_FIELDS.has(d.field))).map((d) => [d.field, d.scanned]));
    if (!renewing && Object.keys(patch).length === 0) return setError({ code: 'persons.nothingChosen' });
    const f = scan.fields;
    const r = renewing
      ? await api['passports.add']({
        personId: scan.personId, patch,
        passport: { passportNo: f.passportNo, issuingState: f.issuingState, passportIssued: f.passportIssued ?? null, passportExpiry: f.passportExpiry },
      })
      : await api['persons.update']({ id: scan.personId, patch });
    if (!r.ok) return setError(r.error);
    finish('taken');
  };
  const registerSeparately = async () => {
    const r = await api['persons.register']({ fields: scan.fields, source: scan.mrz ? 'mrz' : 'manual', ...(scan.mrz ? { mrz: scan.mrz } : {}) });
    if (!r.ok) return setError(r.error);
    finish(r.value.possibleDuplicates.length ? 'duplicates' : 'created', r.value.person.id);
  };

  return (
    <section className="card rescan" aria-label={t('persons.rescan.title')}>
      <h2>{t('persons.rescan.title')}</h2>
      <p>{t(renewing ? 'persons.rescan.newPassport' : match.kind === 'former_passport' ? 'persons.rescan.former' : 'persons.rescan.same', { name })}</p>
      {match.differences.length === 0 ? <p role="status">{t('persons.rescan.none')}</p> : (
        <table>
          <thead>
            <tr><th>{t('persons.rescan.field')}</th><th>{t('persons.rescan.registered')}</th><th>{t('persons.rescan.scanned')}</th><th>{t('persons.rescan.take')}</th></tr>
          </thead>
          <tbody>
            {match.differences.map((d) => (
              <tr key={d.field}>
                <th scope="row">{t(`reg.field.${d.field}`)}</th>
                <td>{show(d.field, d.registered)}</td>
                <td><strong>{show(d.field, d.scanned)}</strong></td>
                <td>
                  {renewing && PASSPORT_FIELDS.has(d.field)
                    ? <span className="hint">{t('persons.rescan.newPassportRow')}</span>
                    : <input type="checkbox" aria-label={`${t('persons.rescan.take')}: ${t(`reg.field.${d.field}`)}`} checked={chosen(d)} onChange={() => toggle(d.field)} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="toolbar">
        {match.differences.length > 0 ? <button type="button" onClick={() => void take()}>{t('persons.rescan.takeAll')}</button> : null}
        {renewing ? <button type="button" onClick={() => void registerSeparately()}>{t('persons.rescan.otherPerson')}</button> : null}
        <button type="button" onClick={() => finish('')}>{t('persons.rescan.keep')}</button>
      </div>
    </section>
  );
}
