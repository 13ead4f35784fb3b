/** Reads glyph runs back out of an uncompressed pdfkit PDF written by electron/print/glyphs.ts. */

export interface DrawnGlyph {
  cid: number;
  /** Text-space position of the glyph origin relative to the run's Tm, 1/1000 em. */
  x: number;
  /** Text rise, points. */
  rise: number;
}

export interface DrawnRun {
  actualText: string;
  fontId: string;
  size: number;
  tmX: number;
  tmY: number;
  glyphs: DrawnGlyph[];
  /** Position after the last glyph (its width included), 1/1000 em. */
  end: number;
}

function decodeUtf16Hex(hex: string): string {
  let out = '';
  for (let i = 4; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** Every ActualText span in page content streams, in drawing order. `widths` gives W per font id and CID. */
export function readRuns(pdf: Buffer, widths: (fontId: string, cid: number) => number): DrawnRun[] {
  const text = pdf.toString('latin1');
  const runs: DrawnRun[] = [];
  const spanRe = /\/Span <<\/ActualText <([0-9A-F]+)>>> BDC\n([\s\S]*?)\nEMC/g;
  for (const match of text.matchAll(spanRe)) {
    const body = match[2]!;
    const tf = /\/(F\d+) ([\d.]+) Tf/.exec(body)!;
    const tm = /1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm/.exec(body)!;
    const run: DrawnRun = {
      actualText: decodeUtf16Hex(match[1]!),
      fontId: tf[1]!,
      size: Number(tf[2]),
      tmX: Number(tm[1]),
      tmY: Number(tm[2]),
      glyphs: [],
      end: 0,
    };
    let current = 0;
    let rise = 0;
    for (const op of body.matchAll(/(-?[\d.]+) Ts|\[([^\]]*)\] TJ/g)) {
      if (op[1] !== undefined) {
        rise = Number(op[1]);
        continue;
      }
      for (const item of op[2]!.matchAll(/<([0-9a-f]{4})>|(-?[\d.]+)/g)) {
        if (item[2] !== undefined) {
          current -= Number(item[2]);
          continue;
        }
        const cid = parseInt(item[1]!, 16);
        run.glyphs.push({ cid, x: current, rise });
        current += widths(run.fontId, cid);
      }
    }
    run.end = current;
    runs.push(run);
  }
  return runs;
}
