import type { SearchHit } from '../../../shared/contract/registration.js';
import type { HandlerTable } from '../../backend/context.js';
import { decodeCursor, encodeCursor } from '../../db/paging.js';
import { summaries } from '../../db/persons.js';
import { placeNames } from '../../db/places.js';
import { matchExpression, searchDocs } from '../../db/search.js';
import { survivorId } from '../persons/merged.js';

interface NamedRow { id: string; name_latin: string; name_km: string; detail: string; commune_code?: string }

export const searchHandlers: Pick<HandlerTable, 'persons.search'> = {
  'persons.search': (ctx, request) => {
    const match = matchExpression(request.query);
    if (!match) return { items: [], nextCursor: null };
    const after = Number(decodeCursor(request.cursor)?.[0] ?? 0);
    const docs = searchDocs(ctx.db, match, request.entities ?? null, after, request.limit + 1);
    const shown = docs.slice(0, request.limit);
    const ids = (entity: string) => shown.filter((d) => d.entity === entity).map((d) => d.record_id);
    // A merged-away record is not listed: its hit (its old passport number, say) leads to the record it was merged into.
    const found = summaries(ctx.db, ids('person'));
    const survivors = new Map(summaries(ctx.db, found.filter((s) => s.mergedInto).map((s) => survivorId(ctx.db, s.id))).map((s) => [s.id, s]));
    const people = new Map(found.map((s) => [s.id, s.mergedInto ? survivors.get(survivorId(ctx.db, s.id)) : s]));
    const listed = new Set<string>();
    const named = new Map<string, NamedRow>();
    const fetch = (sql: string, list: string[]) => {
      if (list.length === 0) return;
      for (const row of ctx.db.prepare(sql.replace('?', list.map(() => '?').join(', '))).all(...list) as NamedRow[]) named.set(row.id, row);
    };
    fetch('SELECT id, name_latin, name_km, type AS detail, commune_code FROM premises WHERE id IN (?)', ids('premises'));
    fetch('SELECT id, name_latin, name_km, sector AS detail, commune_code FROM employer WHERE id IN (?)', ids('employer'));
    fetch("SELECT id, trim(surname || ' ' || given_names) AS name_latin, name_km, id_number AS detail FROM owner WHERE id IN (?)", ids('owner'));
    const items: SearchHit[] = [];
    for (const doc of shown) {
      const entity = doc.entity as SearchHit['entity'];
      if (entity === 'person') {
        const person = people.get(doc.record_id);
        if (!person || person.mergedInto || listed.has(person.id)) continue;
        listed.add(person.id);
        const title = [person.surname, person.givenNames].filter(Boolean).join(' ');
        items.push({ entity, id: person.id, title, titleKm: person.nameKm, detail: `${person.nationality} · ${person.passportNo} · ${person.birthDate}`, person });
      } else {
        const row = named.get(doc.record_id);
        if (!row) continue;
        const place = row.commune_code ? placeNames(ctx.db, row.commune_code).placeLatin : '';
        items.push({ entity, id: row.id, title: row.name_latin, titleKm: row.name_km, detail: [row.detail, place].filter(Boolean).join(' · '), person: null });
      }
    }
    const last = shown[shown.length - 1];
    return { items, nextCursor: docs.length > request.limit && last ? encodeCursor([last.rowid]) : null };
  },
};
