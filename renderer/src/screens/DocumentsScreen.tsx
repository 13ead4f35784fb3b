import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintLangDto, PrintResult } from '../../../shared/contract/print.js';
import type { AppErrorShape, Result } from '../../../shared/errors.js';
import { api } from '../api.js';
import { saveOutputs } from '../save-files.js';
import { useQuery } from '../hooks.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { DateField } from '../components/DateField.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { ReceiptPicker } from '../components/ReceiptPicker.js';
import { UnitPicker, type UnitSelection } from '../components/UnitPicker.js';
import { useFormat } from '../format.js';
import { useOfficeUnit } from '../office-unit.js';
import { todayInOffice } from '../office-time.js';
import type { SectionProps } from '../sections.js';

type Kind = 'pledge' | 'card' | 'cardBlank' | 'receipt' | 'batchPledges';
const KINDS: Kind[] = ['pledge', 'card', 'cardBlank', 'receipt', 'batchPledges'];
const LANGS: PrintLangDto[] = ['km+en', 'km', 'en'];

const today = todayInOffice;

function pdfUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** A search box and a list to choose a premises (pledge) or an employer (card) by name; shows the pledge status. */
function RecordPicker({ kind, value, onChange, version }: { kind: 'pledge' | 'card'; value: string; onChange: (id: string) => void; version: number }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const input = { query: query.trim() || undefined, limit: 50 };
  const premises = useQuery('premises.list', input, `p${kind}${query}${version}`);
  const employers = useQuery('employers.list', input, `e${kind}${query}${version}`);
  const items =
    kind === 'pledge'
      ? (premises.data?.items ?? []).map((p) => ({ id: p.id, label: [p.nameKm, p.nameLatin].filter(Boolean).join(' — '), status: p.pledgeStatus }))
      : (employers.data?.items ?? []).map((e) => ({ id: e.id, label: [e.nameKm, e.nameLatin].filter(Boolean).join(' — '), status: undefined }));
  const selected = items.find((item) => item.id === value);
  return (
    <>
      <label>
        {t('print.ui.find')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <label>
        {t(kind === 'pledge' ? 'print.ui.premises' : 'print.ui.employer')}
        <select value={value} onChange={(e) => onChange(e.target.value)} required>
          <option value="">{t('print.ui.choose')}</option>
          {value && !selected ? <option value={value}>{value}</option> : null}
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </select>
      </label>
      {selected?.status ? <span role="note">{t('print.ui.pledgeNow', { status: t(`reg.pledge.${selected.status}`) })}</span> : null}
    </>
  );
}

/** Documents: preview a PDF in the window, save it, print it; record a pledge as signed. `#/documents/pledge/ID` preselects. */
export function DocumentsScreen({ path }: SectionProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [kind, setKind] = useState<Kind>(KINDS.includes(path[0] as Kind) ? (path[0] as Kind) : 'pledge');
  const [id, setId] = useState(path[1] ?? '');
  const [lang, setLang] = useState<PrintLangDto>('km+en');
  const [url, setUrl] = useState<string>();
  const [pdf, setPdf] = useState<string>();
  const [pages, setPages] = useState<number>();
  const [error, setError] = useState<AppErrorShape>();
  const [jobId, setJobId] = useState<string>();
  const [signedOn, setSignedOn] = useState(today());
  const [witness, setWitness] = useState('');
  const [signedNote, setSignedNote] = useState<{ docNo: string; date: string }>();
  const [version, setVersion] = useState(0);
  // A pledge or receipt is previewed unnumbered; saving or printing it gives the number.
  const [isPreview, setIsPreview] = useState(false);
  const [printOnLoad, setPrintOnLoad] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  // Batch pledges are for one commune, chosen by name; the office's own commune to start with.
  const officeUnit = useOfficeUnit();
  const [commune, setCommune] = useState<UnitSelection>();
  const communeChoice = commune ?? officeUnit ?? { province: '', district: '', commune: '' };
  const batchCommune = communeChoice.commune;

  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  async function preview(): Promise<void> {
    setError(undefined);
    let result: Result<PrintResult>;
    if (kind === 'pledge') result = await api['print.pledge']({ premisesId: id.trim(), lang, preview: true });
    else if (kind === 'card') result = await api['print.declarationCard']({ employerId: id.trim(), lang });
    else if (kind === 'cardBlank') result = await api['print.declarationCard']({ blank: true, lang });
    else if (kind === 'receipt') result = await api['print.receipt']({ stayId: id.trim(), lang, preview: true });
    else {
      const job = crypto.randomUUID();
      setJobId(job);
      result = await api['print.batch']({ kind: 'pledges', communeCode: batchCommune, lang, jobId: job });
      setJobId(undefined);
    }
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setIsPreview(kind === 'pledge' || kind === 'receipt');
    show(result.value);
  }

  function show(value: PrintResult): void {
    setPages(value.pages);
    setPdf(value.pdfBase64 ?? '');
    setUrl(pdfUrl(value.pdfBase64 ?? ''));
    setVersion((v) => v + 1);
  }

  /** The document to save or print: a previewed pledge or receipt is printed for real first (numbered, marked). */
  async function final(): Promise<{ base64: string; fresh: boolean } | undefined> {
    if (!isPreview) return { base64: pdf ?? '', fresh: false };
    setError(undefined);
    const result =
      kind === 'pledge' ? await api['print.pledge']({ premisesId: id.trim(), lang })
      : await api['print.receipt']({ stayId: id.trim(), lang });
    if (!result.ok) {
      setError(result.error);
      return undefined;
    }
    setIsPreview(false);
    show(result.value);
    return { base64: result.value.pdfBase64 ?? '', fresh: true };
  }

  async function save(): Promise<void> {
    const doc = await final();
    if (!doc) return;
    const saved = await saveOutputs([{ name: `${kind}${id ? `-${id.trim()}` : ''}.pdf`, base64: doc.base64 }], { title: t('print.ui.save'), kinds: [{ label: 'PDF', extensions: ['pdf'] }] });
    if (saved && !saved.ok) setError(saved.error);
  }

  async function printDocument(): Promise<void> {
    const doc = await final();
    if (!doc) return;
    // A new document loads into the frame first; it is printed once loaded.
    if (doc.fresh) setPrintOnLoad(true);
    else frame.current?.contentWindow?.print();
  }

  async function recordSigned(): Promise<void> {
    setError(undefined);
    const result = await api['pledge.recordSigned']({ premisesId: id.trim(), signedOn, witness });
    if (!result.ok) setError(result.error);
    else {
      setSignedNote({ docNo: result.value.docNo, date: result.value.signedOn });
      setVersion((v) => v + 1);
    }
  }

  return (
    <section className="documents">
      <h1>{t('print.ui.title')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void preview();
        }}
      >
        <label>
          {t('print.ui.kind')}
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setId('');
              setUrl(undefined);
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`print.ui.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'pledge' || kind === 'card' ? (
          <RecordPicker kind={kind} value={id} version={version} onChange={(value) => { setId(value); setUrl(undefined); setSignedNote(undefined); }} />
        ) : kind === 'receipt' ? (
          <ReceiptPicker value={id} premisesId={path[2]} onChange={(value) => { setId(value); setUrl(undefined); }} />
        ) : kind === 'batchPledges' ? (
          <fieldset>
            <legend>{t('display.receipt.commune')}</legend>
            <UnitPicker value={communeChoice} onChange={(value) => { setCommune(value); setUrl(undefined); }} />
          </fieldset>
        ) : null}
        <label>
          {t('print.ui.lang')}
          <select value={lang} onChange={(e) => setLang(e.target.value as PrintLangDto)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`print.ui.langs.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap', marginTop: '0.5rem' }}>
        <button type="submit" disabled={jobId !== undefined || (kind === 'receipt' && !id) || (kind === 'batchPledges' && !batchCommune)}>
          {t('print.ui.preview')}
        </button>
        {url ? (
          <>
            <button type="button" onClick={() => void save()}>
              {t('print.ui.save')}
            </button>
            <button type="button" onClick={() => void printDocument()}>
              {t('print.ui.print')}
            </button>
            <span>{t('display.count.pages', { count: pages ?? 0 })}</span>
            {isPreview ? <span className="hint">{t(kind === 'pledge' ? 'print.ui.previewNotePledge' : 'print.ui.previewNoteReceipt')}</span> : null}
          </>
        ) : null}
        </div>
      </form>
      {jobId ? <ProgressBar jobId={jobId} label={t('print.progress')} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {kind === 'pledge' && id ? (
        <fieldset>
          <legend>{t('print.ui.signedTitle')}</legend>
          <DateField label={t('print.ui.signedOn')} value={signedOn} onChange={setSignedOn} max={today()} />
          <label>
            {t('print.ui.witness')}
            <input value={witness} onChange={(e) => setWitness(e.target.value)} />
          </label>
          <button type="button" disabled={!witness.trim()} onClick={() => void recordSigned()}>
            {t('print.ui.recordSigned')}
          </button>
          {signedNote ? <p role="status">{t('print.ui.signedDone', { ...signedNote, date: f.date(signedNote.date) })}</p> : null}
        </fieldset>
      ) : null}
      {url ? (
        <iframe
          ref={frame}
          className="pdf-preview"
          title={t('print.ui.previewTitle')}
          src={url}
          style={{ width: '100%', height: '80vh' }}
          onLoad={() => {
            if (!printOnLoad) return;
            setPrintOnLoad(false);
            frame.current?.contentWindow?.print();
          }}
        />
      ) : null}
    </section>
  );
}
