import { writeFileSync } from 'node:fs';
import type { PrintOp, PrintResult } from '../../shared/contract/print.js';
import { AppError } from '../../shared/errors.js';
import type { HandlerContext, HandlerTable } from '../backend/context.js';
import { premisesInCommune, recordSigned, stayRow } from '../db/print.js';
import { Composer } from '../print/compose.js';
import { renderCard } from '../print/documents/card.js';
import { renderPledge } from '../print/documents/pledge.js';
import { renderReceipt } from '../print/documents/receipt.js';
import { loadCard, loadPledge, loadReceipt, receiptFacts, today } from '../print/load.js';
import { parseReceiptCode, shortHash } from '../print/qr.js';
import { loadShaper } from '../print/shaper.js';
import type { PrintLang } from '../print/strings.js';

/** Finishes a composed PDF: written to `out` (a clear error if it cannot be), or returned as base64. */
export async function finish(c: Composer, documents: number, out: string | undefined, docNo: string | null = null, receiptNo: string | null = null): Promise<PrintResult> {
  const pages = c.pages;
  const pdf = await c.finish();
  if (out) {
    try {
      writeFileSync(out, pdf);
    } catch (error) {
      throw new AppError('print.cannotWrite', { file: out, reason: (error as Error).message });
    }
  }
  return { pdfBase64: out ? null : pdf.toString('base64'), path: out ?? null, pages, bytes: pdf.length, documents, docNo, receiptNo };
}

function composer(lang: PrintLang, landscape = false): Composer {
  return new Composer(lang, { landscape });
}

function checkCancelled(ctx: HandlerContext): void {
  if (ctx.cancelled()) throw new AppError('job.cancelled');
}

export const printHandlers: Pick<HandlerTable, PrintOp> = {
  'print.pledge': async (ctx, request) => {
    await loadShaper();
    const data = ctx.db.transaction(() => loadPledge(ctx.writer(), ctx.office(), request.premisesId, request.date ?? today(ctx.db), request.preview))();
    const c = composer(request.lang);
    renderPledge(c, data);
    return finish(c, 1, request.out, data.docNo);
  },

  'print.declarationCard': async (ctx, request) => {
    await loadShaper();
    if (!request.blank && !request.employerId) throw new AppError('print.nothing');
    const c = composer(request.lang, true);
    renderCard(c, loadCard(ctx.db, ctx.office(), request.blank ? null : request.employerId!, request.date ?? today(ctx.db)));
    return finish(c, 1, request.out);
  },

  'print.receipt': async (ctx, request) => {
    await loadShaper();
    const c = composer(request.lang);
    const data = ctx.db.transaction(() => loadReceipt(ctx.writer(), ctx.office(), request.stayId, request.preview))();
    renderReceipt(c, data);
    return finish(c, 1, request.out, null, data.number);
  },

  'print.batch': async (ctx, request) => {
    await loadShaper();
    const date = request.date ?? today(ctx.db);
    const ids =
      request.kind === 'pledges' ? (request.communeCode ? premisesInCommune(ctx.db, request.communeCode) : [])
      : request.kind === 'declarationCards' ? (request.employerIds ?? [])
      : (request.stayIds ?? []);
    if (ids.length === 0) throw new AppError('print.nothing');
    const c = composer(request.lang, request.kind === 'declarationCards');
    for (const [i, id] of ids.entries()) {
      checkCancelled(ctx);
      if (request.kind === 'pledges') renderPledge(c, ctx.db.transaction(() => loadPledge(ctx.writer(), ctx.office(), id, date))());
      else if (request.kind === 'declarationCards') renderCard(c, loadCard(ctx.db, ctx.office(), id, date));
      else renderReceipt(c, ctx.db.transaction(() => loadReceipt(ctx.writer(), ctx.office(), id))());
      if (i % 10 === 9 || i === ids.length - 1) ctx.progress(i + 1, ids.length, 'print.progress');
      // Let a cancel request in; pages already written are flushed from memory as they go.
      if (i % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
    }
    checkCancelled(ctx);
    return finish(c, ids.length, request.out);
  },

  'pledge.recordSigned': (ctx, request) => {
    const { docNo } = ctx.db.transaction(() => recordSigned(ctx.writer(), request.premisesId, request.signedOn, request.witness))();
    return { premisesId: request.premisesId, pledgeStatus: 'signed' as const, docNo, signedOn: request.signedOn, witness: request.witness };
  },

  'print.verifyReceipt': (ctx, request) => {
    const parsed = parseReceiptCode(request.code);
    const none = { valid: false, stayId: null, personName: null, premisesName: null, arrivedAt: null };
    if (!parsed) return none;
    let row;
    try {
      row = stayRow(ctx.db, parsed.stayId);
    } catch {
      return { ...none, stayId: parsed.stayId };
    }
    const valid = shortHash([parsed.stayId, ...receiptFacts(row)]) === parsed.hash;
    const premises = ctx.db.prepare('SELECT name_latin FROM premises WHERE id = ?').get(row.premises_id) as { name_latin: string } | undefined;
    return {
      valid,
      stayId: parsed.stayId,
      personName: `${row.surname} ${row.given_names}`.trim(),
      premisesName: premises?.name_latin ?? null,
      arrivedAt: String(row.arrived_at),
    };
  },
};
