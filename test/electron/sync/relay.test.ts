import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, errorMessage } from '../../../shared/i18n/index.js';
import { APP_VERSION } from '../../../shared/version.js';
import { nowIso } from '../../../electron/db/changes.js';
import { schemaVersion } from '../../../electron/db/open.js';
import { currentDirectory, keyLookup } from '../../../electron/sync/directory.js';
import { recipientsFor } from '../../../electron/sync/export.js';
import { readBundle, writeBundle, type Change, type ReferenceItem } from '../../../electron/sync/format/index.js';
import { unlockKeys } from '../../../electron/sync/keystore.js';
import { signChange, type SignedChange } from '../../../electron/sync/relay.js';
import { GAZETTEER_CSV } from '../../helpers/db.js';
import { enrol, exportOne, importAll, makeOffice, PASS, type Office } from './world.js';

const en = createI18n('en', { strict: true }).t;
const km = createI18n('km', { strict: true }).t;
const gazetteer = (o: Office) => o.ok('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER_CSV, 'utf8') });

async function offices() {
  const national = await makeOffice('national', 'General Department of Immigration', null);
  const province = await makeOffice('province', 'Phnom Penh', national, '12');
  const commune = await makeOffice('commune', 'Tonle Basak', province, '120101');
  const otherProvince = await makeOffice('province', 'Kandal', national, '08');
  await enrol(national, [province, commune, otherProvince]);
  for (const o of [national, province, commune, otherProvince]) await gazetteer(o);
  return { national, province, commune, otherProvince };
}

function outDir(office: Office): string {
  const dir = path.join(office.out, `down-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  return dir;
}

const sendDown = async (office: Office) => office.ok('campaigns.sendDown', { passphrase: PASS, dir: outDir(office) });

const nationalCampaign = (national: Office, overrides: Record<string, unknown> = {}) => national.ok('campaigns.create', {
  kind: 'employer_declaration', title: 'National work-status declaration 2026', legalReference: 'Action plan 2026, phase 1',
  scopeUnits: ['120101'], startDate: '2026-01-05', deadline: '2026-03-15', ...overrides,
});

/** What the province keeps of a campaign from above: the national office's signed text. */
function keptAtProvince(province: Office, id: string): SignedChange {
  const row = province.db.prepare('SELECT body, key_id, signature FROM sync_relay WHERE record_id = ?').get(id) as { body: string; key_id: string; signature: string };
  return { body: row.body, keyId: row.key_id, signature: row.signature };
}

/** A reference bundle from `sender` to `to`, holding exactly `items`: what a dishonest office's own software could write. */
async function forgedBundle(sender: Office, to: Office, items: ReferenceItem[], sequence = 1): Promise<string> {
  const keys = await unlockKeys(sender.db, PASS);
  const written = await writeBundle(outDir(sender), {
    kind: 'reference', sender: keys.current, recipients: recipientsFor(sender.db, [to.id]), sequence, previousHash: null,
    directoryVersion: currentDirectory(sender.db)?.version ?? 0, appVersion: APP_VERSION, schemaVersion: schemaVersion(sender.db), records: items,
  });
  return written.path;
}

const changeLogSize = (o: Office) => o.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
const campaignsAt = (o: Office) => o.db.prepare('SELECT count(*) FROM campaign').pluck().get() as number;

/** The import refused the bundle whole, with `code`, and changed nothing at `office`; returns the English and Khmer messages. */
async function refused(office: Office, file: string, code: string) {
  const received = () => office.db.prepare('SELECT count(*) FROM sync_received').pluck().get() as number;
  const before = [changeLogSize(office), campaignsAt(office), received()];
  const [result] = await importAll(office, [file]);
  expect(result).toMatchObject({ status: 'error', error: { code } });
  expect([changeLogSize(office), campaignsAt(office), received()]).toEqual(before);
  const error = result!.error!;
  return { en: errorMessage(en, error), km: errorMessage(km, error), params: error.params ?? {} };
}

describe('a national campaign reaches the communes through their province, as the national office signed it', () => {
  it('commune ← province ← national: the campaign arrives unchanged, declarations go up, a closed campaign follows, an old version is not applied over a newer one', async () => {
    const { national, province, commune, otherProvince } = await offices();
    const campaign = await nationalCampaign(national);
    // Another national campaign for Kandal only: it never reaches Phnom Penh or its communes.
    await nationalCampaign(national, { title: 'Kandal only', scopeUnits: ['08'] });

    const toProvinces = await sendDown(national);
    expect(new Set(toProvinces.offices)).toEqual(new Set([province.id, otherProvince.id]));
    const forProvince = toProvinces.files[toProvinces.offices.indexOf(province.id)]!;
    expect((await importAll(province, [forProvince]))[0]).toMatchObject({ status: 'applied', summary: { inserted: 1 } });
    expect((await province.ok('campaigns.get', { id: campaign.id })).campaign).toMatchObject({ own: false, originOffice: national.id });

    // The province passes it on: one bundle, for the commune in scope.
    const toCommune = await sendDown(province);
    expect(toCommune).toMatchObject({ offices: [commune.id], records: 1 });
    const firstRelay = toCommune.files[0]!;
    expect((await importAll(commune, [firstRelay]))[0]).toMatchObject({ status: 'applied', from: province.id, summary: { inserted: 1 } });
    const atCommune = await commune.ok('campaigns.get', { id: campaign.id, today: '2026-04-01' });
    expect(atCommune.campaign).toMatchObject({
      title: 'National work-status declaration 2026', legalReference: 'Action plan 2026, phase 1', deadline: '2026-03-15', own: false, originOffice: national.id,
      originOfficeName: 'General Department of Immigration',
    });
    // Exactly the national office's row, field for field.
    const row = (o: Office) => {
      const { revision: _r, ...rest } = o.db.prepare('SELECT * FROM campaign WHERE id = ?').get(campaign.id) as Record<string, unknown>;
      return rest;
    };
    expect(row(commune)).toEqual(row(national));
    // Nobody below can change it.
    expect(await commune.backend.call('campaigns.close', { id: campaign.id }, { id: 'local-operator', kind: 'local-operator' }))
      .toMatchObject({ ok: false, error: { code: 'campaigns.notOwn' } });

    // Results go up as usual, and the national campaign does not travel back up with them.
    const employer = await commune.ok('employers.create', { nameLatin: 'Mekong Steel', sector: 'Construction', communeCode: '120101', workforceTotal: 20, cambodianCount: 19 });
    await commune.ok('declarations.record', { campaignId: campaign.id, targetId: employer.id, receivedOn: '2026-03-10', skilledKm: 19, skilledForeign: 1 });
    const up = await importAll(province, [await exportOne(commune)]);
    expect(up[0]!.summary.perEntity.campaign).toBeUndefined();
    expect(up[0]!.summary.perEntity.declaration?.inserted).toBe(1);
    expect((await province.ok('campaigns.get', { id: campaign.id, today: '2026-04-01' })).campaign.counts).toMatchObject({ targets: 1, on_time: 1 });
    const upNational = await importAll(national, [await exportOne(province)]);
    expect(upNational[0]!.summary.perEntity.campaign).toBeUndefined();
    expect(upNational[0]!.summary.perEntity.declaration?.inserted).toBe(1);
    expect((await national.ok('campaigns.get', { id: campaign.id, today: '2026-04-01' })).campaign.counts).toMatchObject({ targets: 1, on_time: 1 });

    // The national office closes it; the newer version follows the same way.
    await national.ok('campaigns.close', { id: campaign.id });
    const again = await sendDown(national);
    await importAll(province, [again.files[again.offices.indexOf(province.id)]!]);
    await importAll(commune, (await sendDown(province)).files);
    expect((await commune.ok('campaigns.get', { id: campaign.id })).campaign.status).toBe('closed');

    // Passing on the old (open) version again, in a newer bundle of the province's, changes nothing.
    const old = await readSigned(firstRelay, commune);
    expect(JSON.parse(old.body)).toMatchObject({ origin: national.id, rev: 1, data: { status: 'open' } });
    const stale = await forgedBundle(province, commune, [{ type: 'signedChange', data: old }], 99);
    const replay = await importAll(commune, [stale]);
    expect(replay[0]).toMatchObject({ status: 'applied', summary: { skipped: 1, updated: 0 } });
    expect((await commune.ok('campaigns.get', { id: campaign.id })).campaign.status).toBe('closed');
  });
});

/** The signed campaign inside a bundle made for `reader`, as the reader's software opens it. */
async function readSigned(file: string, reader: Office): Promise<SignedChange> {
  const keys = await unlockKeys(reader.db, PASS);
  const opened = await readBundle({ path: file }, { keys: keyLookup(reader.db), identities: keys.identities, kind: 'reference' });
  try {
    for await (const item of opened.records()) if (item.type === 'signedChange') return item.data as SignedChange;
  } finally {
    await opened.close();
  }
  throw new Error('no signed campaign in the bundle');
}

describe('nobody can forge or alter a campaign on its way down or send one up', () => {
  it('a province that edits a national campaign in transit is refused, naming the campaign, both offices and the rule', async () => {
    const { national, province, commune } = await offices();
    const campaign = await nationalCampaign(national);
    const down = await sendDown(national);
    await importAll(province, [down.files[down.offices.indexOf(province.id)]!]);
    const kept = keptAtProvince(province, campaign.id);
    // A later deadline, the national signature kept.
    const edited = JSON.parse(kept.body) as Change;
    expect(edited.data?.deadline).toBe('2026-03-15');
    const altered = { ...kept, body: JSON.stringify({ ...edited, data: { ...edited.data, deadline: '2026-12-31' } }) };
    const message = await refused(commune, await forgedBundle(province, commune, [{ type: 'signedChange', data: altered }]), 'synctrust.relaySignature');
    expect(message.params).toMatchObject({ line: '1', office: 'Phnom Penh', origin: 'General Department of Immigration', title: 'National work-status declaration 2026' });
    expect(message.en).toContain('the campaign “National work-status declaration 2026” is given as made by office General Department of Immigration');
    expect(message.en).toContain('does not match a key of General Department of Immigration in the key directory');
    expect(message.en).toContain('sent by office Phnom Penh');
    expect(message.km).toContain('យុទ្ធនាការ “National work-status declaration 2026”');
    // No code or key name leaks into the text.
    for (const text of [message.en, message.km]) expect(text).not.toMatch(/synctrust|relay[A-Z]|errors\./);

    // The whole signed text swapped for a new one under the same signature: refused the same way.
    const swapped = { ...kept, body: kept.body.replace('National work-status declaration 2026', 'Pay a fee to Phnom Penh') };
    await refused(commune, await forgedBundle(province, commune, [{ type: 'signedChange', data: swapped }]), 'synctrust.relaySignature');
  });

  it('a province inventing a campaign in the national office\'s name is refused, signed or not', async () => {
    const { national, province, commune } = await offices();
    const provinceKeys = await unlockKeys(province.db, PASS);
    const nationalKeyId = (await unlockKeys(national.db, PASS)).card.signingKeyId;
    const invented: Change = {
      entity: 'campaign', op: 'insert', id: '0192f3a4-0000-7000-8000-0000000000aa', origin: national.id, rev: 1, actor: 'campaign', at: nowIso(),
      data: {
        kind: 'premises_pledge', title: 'Invented national campaign', legal_reference: '', scope_units: '120101', start_date: '2026-01-05',
        deadline: '2026-01-19', target_types: '', target_sectors: '', status: 'open', created_at: nowIso(),
      },
    };
    // Unsigned, as a plain change.
    const unsigned = await refused(commune, await forgedBundle(province, commune, [{ type: 'change', data: invented }]), 'synctrust.relayUnsigned');
    expect(unsigned.en).toBe(`${unsigned.params.file}, record 1: the campaign “Invented national campaign” is given as made by office General Department of Immigration, but office Phnom Penh passed it on without General Department of Immigration's signature. An office passes on the campaigns of the offices above it only exactly as they signed them. The bundle was refused; nothing was applied. Report it to the national office.`);
    // Signed with the province's own key.
    const ownKey = signChange(invented, provinceKeys.current);
    await refused(commune, await forgedBundle(province, commune, [{ type: 'signedChange', data: ownKey }]), 'synctrust.relaySignature');
    // Signed with the province's key but labelled with the national key's id.
    await refused(commune, await forgedBundle(province, commune, [{ type: 'signedChange', data: { ...ownKey, keyId: nationalKeyId } }]), 'synctrust.relaySignature');
    expect(campaignsAt(commune)).toBe(0);
  });

  it('a valid campaign of an office that is not above the sender is refused; so is an unreadable signed record', async () => {
    const { province, commune, otherProvince } = await offices();
    // Kandal's own, correctly signed campaign, passed on by Phnom Penh to its commune.
    const kandal = await otherProvince.ok('campaigns.create', {
      kind: 'premises_pledge', title: 'Kandal pledge', scopeUnits: ['08'], startDate: '2026-01-05', deadline: '2026-01-19',
    });
    const row = otherProvince.db.prepare('SELECT * FROM campaign WHERE id = ?').get(kandal.id) as Record<string, unknown>;
    const { id: _i, origin_office: _o, revision: _r, ...data } = row;
    const signed = signChange({ entity: 'campaign', op: 'insert', id: kandal.id, origin: otherProvince.id, rev: 1, actor: 'campaign', at: nowIso(), data },
      (await unlockKeys(otherProvince.db, PASS)).current);
    const message = await refused(commune, await forgedBundle(province, commune, [{ type: 'signedChange', data: signed }]), 'synctrust.relayNotFromAbove');
    expect(message.en).toContain('the campaign “Kandal pledge” was made by office Kandal, which is not above office Phnom Penh that passed it on');
    // Garbage where a signed record should be.
    await refused(commune, await forgedBundle(province, commune, [{ type: 'signedChange', data: { body: '{not json', keyId: 'X', signature: 'Y' } }]), 'synctrust.relayUnreadable');
  });

  it('a commune that sends a national campaign upward is refused, as a change or as reference data', async () => {
    const { national, province, commune } = await offices();
    const campaign = await nationalCampaign(national);
    const down = await sendDown(national);
    await importAll(province, [down.files[down.offices.indexOf(province.id)]!]);
    await importAll(commune, (await sendDown(province)).files);
    const kept = commune.db.prepare('SELECT body, key_id, signature FROM sync_relay WHERE record_id = ?').get(campaign.id) as { body: string; key_id: string; signature: string };
    const change = JSON.parse(kept.body) as Change;

    // In the commune's changes bundle, as if it had made or were relaying it: the province takes no record made above the commune from it.
    const keys = await unlockKeys(commune.db, PASS);
    const upward = await writeBundle(outDir(commune), {
      kind: 'changes', sender: keys.current, recipients: recipientsFor(commune.db, [province.id]), sequence: 1, previousHash: null,
      directoryVersion: currentDirectory(commune.db)?.version ?? 0, appVersion: APP_VERSION, schemaVersion: schemaVersion(commune.db),
      records: [{ ...change, data: { ...change.data, deadline: '2026-12-31' } }], changeRange: { after: 0, upTo: 1 },
    });
    const asChange = await refused(province, upward.path, 'synctrust.foreignOrigin');
    // Offices by name in the reader's language (Khmer: the commune's place from the gazetteer), never by id.
    expect(asChange.en).toContain('is given as made by office General Department of Immigration, but office Tonle Basak sent it');
    expect(asChange.km).toContain('ការិយាល័យ សង្កាត់ទន្លេបាសាក់ ជាអ្នកផ្ញើ');
    expect(asChange.km).toContain('បង្កើតដោយការិយាល័យ General Department of Immigration');
    for (const text of [asChange.en, asChange.km]) for (const id of [national.id, commune.id, province.id]) expect(text).not.toContain(id);
    expect((await province.ok('campaigns.get', { id: campaign.id })).campaign.deadline).toBe('2026-03-15');

    // As a signed record in a reference bundle: a province takes reference bundles only from the office above it.
    const asReference = await refused(province, await forgedBundle(commune, province, [
      { type: 'signedChange', data: { body: kept.body, keyId: kept.key_id, signature: kept.signature } },
    ]), 'synctrust.referenceFromBelow');
    expect(asReference.params).toMatchObject({ office: 'Tonle Basak', officeKm: 'សង្កាត់ទន្លេបាសាក់' });
    expect(asReference.km).toContain('ការិយាល័យ សង្កាត់ទន្លេបាសាក់ បានផ្ញើទិន្នន័យយោង');
  });
});
