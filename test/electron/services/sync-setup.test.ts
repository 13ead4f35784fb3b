import { describe, expect, it } from 'vitest';
import { addDemo, makeOffice, PASS } from '../sync/world.js';

/** Sync set up without the command line and without typing an office id: what the Sync screens call. */
describe('sync set-up from the screens', () => {
  it('pins the national key from the first directory only with the fingerprint confirmed, adds cards only as confirmed', async () => {
    const national = await makeOffice('national', 'National Police', null);
    const province = await makeOffice('province', 'Siem Reap Province', national);
    const first = await national.ok('sync.directorySign', { passphrase: PASS });
    const file = { fileName: 'key-directory-v1.json', json: first.signed };

    const check = await province.ok('sync.directoryCheck', file);
    const nationalCard = await national.ok('sync.keyCard', { passphrase: PASS });
    expect(check).toEqual({ version: 1, offices: 1, issuerName: 'National Police', issuerSigningKeyId: nationalCard.signingKeyId, needsTrust: true, verdict: 'newer' });
    // Checking changes nothing; importing without the confirmed fingerprint, or with another one, is refused.
    expect(province.db.prepare('SELECT count(*) FROM sync_trust').pluck().get()).toBe(0);
    expect((await province.backend.call('sync.directoryImport', file, { id: 'x', kind: 'local-operator' }))).toMatchObject({ ok: false, error: { code: 'syncdb.noNationalKey' } });
    const wrong = await province.backend.call('sync.directoryImport', { ...file, trustNational: 'AAAA-BBBB' }, { id: 'x', kind: 'local-operator' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'syncsetup.fingerprintsChanged', params: { office: 'National Police' } } });
    expect(province.db.prepare('SELECT count(*) FROM sync_trust').pluck().get()).toBe(0);
    expect(await province.ok('sync.directoryImport', { ...file, trustNational: check.issuerSigningKeyId })).toEqual({ status: 'newer', version: 1 });
    expect(await province.ok('sync.directoryImport', file)).toEqual({ status: 'same', version: 1 });
    expect((await province.ok('sync.directoryView', {})).offices.map((o) => o.name)).toEqual(['National Police']);
    expect((await province.ok('sync.directoryView', {})).next).toBeNull();

    // The national office reads the province's card file and shows it by name before adding it.
    const cardFile = `${JSON.stringify(await province.ok('sync.keyCard', { passphrase: PASS }), null, 2)}\n`;
    const card = await national.ok('sync.cardCheck', { card: cardFile });
    expect(card).toMatchObject({ name: 'Siem Reap Province', level: 'province', parentName: 'National Police' });
    const refused = await national.backend.call('sync.directoryAdd', { card: cardFile, confirmed: { signingKeyId: card.signingKeyId, ageKeyId: 'ZZZZ' } }, { id: 'x', kind: 'local-operator' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'syncsetup.fingerprintsChanged' } });
    await national.ok('sync.directoryAdd', { card: cardFile, confirmed: { signingKeyId: card.signingKeyId, ageKeyId: card.ageKeyId } });
    let view = await national.ok('sync.directoryView', {});
    expect(view.unsigned).toBe(true);
    expect(view.next?.map((o) => [o.name, o.status])).toEqual(expect.arrayContaining([['Siem Reap Province', 'active'], ['National Police', 'active']]));
    const second = await national.ok('sync.directorySign', { passphrase: PASS });
    view = await national.ok('sync.directoryView', {});
    expect(view.unsigned).toBe(false);
    expect(view.version).toBe(2);
    expect(await province.ok('sync.directoryImport', { fileName: 'key-directory-v2.json', json: second.signed })).toEqual({ status: 'newer', version: 2 });

    // Revoking marks the next directory, by office, until it is signed.
    expect(await national.ok('sync.directoryRevoke', { officeId: province.id, afterSequence: null })).toEqual({ revoked: 1 });
    view = await national.ok('sync.directoryView', {});
    expect(view.unsigned).toBe(true);
    expect(view.next?.find((o) => o.name === 'Siem Reap Province')?.status).toBe('revoked');
  });

  it('exports bundles as bytes, returns receipts as bytes, and history names offices and where each bundle went', async () => {
    const national = await makeOffice('national', 'National Police', null);
    const province = await makeOffice('province', 'Siem Reap Province', national);
    for (const office of [national, province]) {
      const card = await office.ok('sync.keyCard', { passphrase: PASS });
      await national.ok('sync.directoryAdd', { card: card.qrPayload });
    }
    const { signed } = await national.ok('sync.directorySign', { passphrase: PASS });
    await province.ok('sync.directoryImport', { fileName: 'd.json', json: signed, trustNational: (await national.ok('sync.keyCard', { passphrase: PASS })).signingKeyId });
    addDemo(province, 1, 2);

    const exported = await province.ok('sync.export', { passphrase: PASS });
    expect(exported.status).toBe('written');
    expect(exported.files).toEqual([exported.bundles[0]?.name]);
    expect(exported.files[0]).not.toContain('/');
    const bytes = Buffer.from(exported.bundles[0]!.base64, 'base64');
    expect(bytes.length).toBe(exported.size);

    let sent = (await province.ok('sync.history', {})).sent[0]!;
    expect(sent).toMatchObject({ toOfficeName: 'National Police', writtenTo: null, writtenAt: null });
    await province.ok('sync.bundlesWritten', { names: exported.files });
    sent = (await province.ok('sync.history', {})).sent[0]!;
    expect(sent.writtenTo).toBeNull();
    expect(sent.writtenAt).not.toBeNull();

    const results = await national.ok('sync.import', { passphrase: PASS, files: [{ name: exported.files[0]!, base64: exported.bundles[0]!.base64 }] });
    expect(results[0]).toMatchObject({ status: 'applied', receipt: results[0]!.receiptFile?.name });
    const receipt = results[0]!.receiptFile!;
    expect(receipt.name).toMatch(/\.bchb$/);
    expect((await national.ok('sync.history', {})).received[0]).toMatchObject({ fromOfficeName: 'Siem Reap Province', inserted: expect.any(Number) });

    const acked = await province.ok('sync.import', { passphrase: PASS, files: [receipt] });
    expect(acked[0]).toMatchObject({ status: 'acknowledged', receiptFile: null });
    expect((await province.ok('sync.history', {})).sent.find((s) => s.kind === 'changes')?.ackedAt).not.toBeNull();

    const pdf = await province.ok('sync.keyCardPdf', { passphrase: PASS });
    expect(Buffer.from(pdf.file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.file.name).toMatch(/^key-card-.*\.pdf$/);
  });
});
