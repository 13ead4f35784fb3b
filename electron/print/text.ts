import { LATIN_PARTNER, type FaceName } from './fonts.js';
import { hasGlyph, hbFace, shapeRun, type ShapedRun } from './shaper.js';

/**
 * Text layout: split text into runs by script (Khmer face / Latin face), find break
 * opportunities (between Khmer words found by Intl.Segmenter, after spaces, never inside a
 * Khmer cluster) and fill lines. Every run is shaped by HarfBuzz as a whole.
 */

export interface Line {
  runs: ShapedRun[];
  /** Width in points at the given size. */
  width: number;
  text: string;
}

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF\u200B-\u200D\u25CC]/;
const NEUTRAL = /[\s\p{P}\p{S}]/u;
/** Khmer marks, vowel signs and signs that must stay with the preceding base. */
const KHMER_JOINING = /[\u17B4-\u17D3\u17DD\u200C\u200D]/;
const KHMER_CLOSING_PUNCT = /[\u17D4-\u17D6\u17DA]/;

/** Splits text into runs of one face: Khmer text in `khmerFace`, the rest in its Latin partner. */
export function itemize(text: string, khmerFace: FaceName): { face: FaceName; text: string }[] {
  const latinFace = LATIN_PARTNER[khmerFace];
  const chars = [...text];
  const strong: (FaceName | null)[] = chars.map((c) => (KHMER.test(c) ? khmerFace : NEUTRAL.test(c) ? null : latinFace));
  const faces: FaceName[] = [];
  let previous: FaceName | null = null;
  for (let i = 0; i < chars.length; i++) {
    let face: FaceName = strong[i] ?? previous ?? strong.slice(i).find((f) => f !== null) ?? latinFace;
    if (strong[i] === null && face !== latinFace && !hasGlyph(face, chars[i]!.codePointAt(0)!)) face = latinFace;
    faces.push(face);
    if (strong[i] !== null) previous = face;
  }
  const runs: { face: FaceName; text: string }[] = [];
  chars.forEach((char, i) => {
    const last = runs[runs.length - 1];
    if (last && last.face === faces[i]) last.text += char;
    else runs.push({ face: faces[i]!, text: char });
  });
  return runs;
}

/** Shapes text as one line (no wrapping). */
export function shapeLine(text: string, khmerFace: FaceName, size: number): Line {
  const runs = itemize(text, khmerFace).map((run) => shapeRun(run.face, run.text));
  return { runs, width: runsWidth(runs, size), text };
}

function runsWidth(runs: ShapedRun[], size: number): number {
  let width = 0;
  for (const run of runs) width += (run.advance * size) / run.upem;
  return width;
}

const wordSegmenter = new Intl.Segmenter('km', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('km', { granularity: 'grapheme' });

/** True when no Khmer cluster spans position `i` of `text`. */
export function clusterSafe(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const before = text[i - 1]!;
  const after = text[i]!;
  if (before === '\u17D2' || before === '\u200D') return false;
  if (KHMER_JOINING.test(after)) return false;
  return !(after >= '\uDC00' && after <= '\uDFFF');
}

/** Positions where a line may break. */
export function breakOpportunities(text: string): number[] {
  const result: number[] = [];
  for (const { index } of wordSegmenter.segment(text)) {
    if (index === 0 || !clusterSafe(text, index)) continue;
    const before = text[index - 1]!;
    const after = text[index]!;
    if (/\s/.test(after) || KHMER_CLOSING_PUNCT.test(after)) continue;
    if (/\s|\u200B/.test(before) || (KHMER.test(before) && KHMER.test(after)) || (before === '/' || before === '-')) result.push(index);
  }
  return result;
}

/** Fills lines no wider than `maxWidth` points; a piece too long for a line breaks between clusters. */
export function wrap(text: string, khmerFace: FaceName, size: number, maxWidth: number): Line[] {
  const lines: Line[] = [];
  for (const paragraph of text.split('\n')) {
    const cuts = [0, ...breakOpportunities(paragraph), paragraph.length];
    const pieces: string[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) pieces.push(paragraph.slice(cuts[i], cuts[i + 1]));
    let current = '';
    let currentWidth = 0;
    const flush = () => {
      lines.push(shapeLine(current.replace(/\s+$/, ''), khmerFace, size));
      current = '';
      currentWidth = 0;
    };
    for (const piece of pieces.flatMap((p) => splitLong(p, khmerFace, size, maxWidth))) {
      const width = shapeLine(piece, khmerFace, size).width;
      const trimmed = shapeLine(piece.replace(/\s+$/, ''), khmerFace, size).width;
      if (current && currentWidth + trimmed > maxWidth) flush();
      current += piece;
      currentWidth += width;
    }
    if (current || lines.length === 0) flush();
  }
  return lines;
}

function splitLong(piece: string, khmerFace: FaceName, size: number, maxWidth: number): string[] {
  if (shapeLine(piece.trimEnd(), khmerFace, size).width <= maxWidth) return [piece];
  const parts: string[] = [];
  let current = '';
  for (const { segment, index } of graphemeSegmenter.segment(piece)) {
    if (current && clusterSafe(piece, index) && shapeLine(current + segment, khmerFace, size).width > maxWidth) {
      parts.push(current);
      current = '';
    }
    current += segment;
  }
  if (current) parts.push(current);
  return parts;
}

/** Ascent and descent in points for text set in this Khmer face and its Latin partner. */
export function verticalMetrics(khmerFace: FaceName, size: number): { ascent: number; descent: number } {
  let ascent = 0;
  let descent = 0;
  for (const name of [khmerFace, LATIN_PARTNER[khmerFace]]) {
    const face = hbFace(name);
    ascent = Math.max(ascent, (face.ascender * size) / face.upem);
    descent = Math.max(descent, (-face.descender * size) / face.upem);
  }
  return { ascent, descent };
}
