import { fontBytes, type FaceName } from './fonts.js';

/** One positioned glyph exactly as HarfBuzz returns it, in font units. */
export interface ShapedGlyph {
  gid: number;
  /** UTF-16 index into the run's text where the glyph's cluster starts. */
  cluster: number;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapedRun {
  face: FaceName;
  text: string;
  glyphs: ShapedGlyph[];
  /** Sum of x advances, font units. */
  advance: number;
  upem: number;
}

type Hb = typeof import('harfbuzzjs');

export interface HbFace {
  face: InstanceType<Hb['Face']>;
  font: InstanceType<Hb['Font']>;
  upem: number;
  ascender: number;
  descender: number;
}

let hbPromise: Promise<Hb> | undefined;
let hb: Hb | undefined;
let buffer: InstanceType<Hb['Buffer']> | undefined;
const faces = new Map<FaceName, HbFace>();
const runCache = new Map<string, ShapedRun>();
const RUN_CACHE_LIMIT = 20_000;

/** Loads the HarfBuzz wasm once; every other function here needs it loaded. */
export async function loadShaper(): Promise<void> {
  hbPromise ??= import('harfbuzzjs');
  hb = await hbPromise;
}

function harfbuzz(): Hb {
  if (!hb) throw new Error('print: call loadShaper() first');
  return hb;
}

export function hbFace(name: FaceName): HbFace {
  let entry = faces.get(name);
  if (!entry) {
    const lib = harfbuzz();
    const face = new lib.Face(new lib.Blob(fontBytes(name)));
    const font = new lib.Font(face);
    const extents = font.hExtents();
    entry = { face, font, upem: face.upem, ascender: extents.ascender, descender: extents.descender };
    faces.set(name, entry);
  }
  return entry;
}

/** True when the face maps this code point to a real glyph. */
export function hasGlyph(name: FaceName, codePoint: number): boolean {
  return (hbFace(name).font.nominalGlyph(codePoint) ?? 0) !== 0;
}

/**
 * Shapes one run (one face, one script) with HarfBuzz, segment properties guessed from the
 * text exactly as `hb_buffer_guess_segment_properties` does. Results are cached per face and text.
 */
export function shapeRun(name: FaceName, text: string): ShapedRun {
  const key = `${name}\u0000${text}`;
  const cached = runCache.get(key);
  if (cached) return cached;
  const lib = harfbuzz();
  const { font, upem } = hbFace(name);
  buffer ??= new lib.Buffer();
  buffer.reset();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  lib.shape(font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const glyphs: ShapedGlyph[] = [];
  let advance = 0;
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    const pos = positions[i]!;
    glyphs.push({ gid: info.codepoint, cluster: info.cluster, xAdvance: pos.xAdvance, yAdvance: pos.yAdvance, xOffset: pos.xOffset, yOffset: pos.yOffset });
    advance += pos.xAdvance;
  }
  const run: ShapedRun = { face: name, text, glyphs, advance, upem };
  if (runCache.size >= RUN_CACHE_LIMIT) runCache.clear();
  runCache.set(key, run);
  return run;
}
