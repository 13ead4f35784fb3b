import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { ChartSpec } from './types.js';

/**
 * Chart geometry from d3-scale and d3-shape (pure functions, no DOM): the screen draws it as SVG,
 * the PDF with the same numbers, so a printed chart is the chart on screen. Series are told apart
 * without colour too (hatching, dots, dashes, marker shapes), so a grey print stays readable.
 */
export interface ChartSeries { key: string; label: string; kind: 'count' | 'share' }
export interface ChartInput {
  spec: ChartSpec;
  series: ChartSeries[];
  /** One per table row, in order; values per series. */
  categories: { label: string; values: (number | null)[] }[];
  width: number;
  format: (value: number, kind: 'count' | 'share') => string;
}

export interface Bar { x: number; y: number; w: number; h: number; series: number; value: number }
export interface ChartLayout {
  kind: ChartSpec['kind'];
  width: number;
  height: number;
  plot: { x: number; y: number; w: number; h: number };
  bars: Bar[];
  lines: { series: number; path: string; points: { x: number; y: number }[] }[];
  /** Value axis: grid lines with their labels (x for bars, y for lines). */
  ticks: { at: number; label: string }[];
  /** Category labels: beside each bar (y), or under the months (x). */
  categories: { at: number; label: string }[];
  legend: { series: number; label: string; x: number; y: number }[];
}

/** At most this many rows are drawn; the table holds them all. */
export const CHART_ROWS = 25;
const LEGEND = 22;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function chartLayout(input: ChartInput): ChartLayout {
  const { spec, series, width, format } = input;
  const categories = input.categories.slice(0, spec.kind === 'line' ? undefined : CHART_ROWS);
  const kind = series[0]?.kind ?? 'count';
  const legend = series.map((s, i) => ({ series: i, label: s.label, x: 8 + i * Math.floor((width - 16) / Math.max(1, series.length)), y: 14 }));
  const value = (v: number | null) => (v === null || !Number.isFinite(v) ? 0 : v);
  // Counts are whole: no grid line at 0.5 person (shares keep every tick).
  const whole = (v: number) => kind === 'share' || Number.isInteger(v);

  if (spec.kind === 'line') {
    const height = 260;
    const plot = { x: 56, y: LEGEND + 10, w: width - 72, h: height - LEGEND - 50 };
    const max = Math.max(kind === 'share' ? 1 : 1, ...categories.flatMap((c) => c.values.map(value)));
    const y = scaleLinear().domain([0, max]).nice().range([plot.y + plot.h, plot.y]);
    const x = scalePoint<number>().domain(categories.map((_, i) => i)).range([plot.x, plot.x + plot.w]).padding(0.3);
    const every = Math.max(1, Math.ceil(categories.length / Math.max(1, Math.floor(plot.w / 70))));
    // A month with nothing to measure (no stays reported: no share) is a gap in the line, not a zero.
    const lines = series.map((_, s) => {
      const all = categories.map((c, i) => ({ x: x(i) ?? plot.x, v: c.values[s] ?? null }));
      const known = (p: { v: number | null }) => p.v !== null && Number.isFinite(p.v);
      const path = line<{ x: number; v: number | null }>().defined(known).x((p) => p.x).y((p) => y(value(p.v)))(all) ?? '';
      return { series: s, path, points: all.filter(known).map((p) => ({ x: p.x, y: y(value(p.v)) })) };
    });
    return {
      kind: 'line', width, height, plot, bars: [], lines, legend,
      ticks: y.ticks(5).filter(whole).map((v) => ({ at: y(v), label: format(v, kind) })),
      categories: categories.map((c, i) => ({ at: x(i) ?? 0, label: c.label })).filter((_, i) => i % every === 0),
    };
  }

  // Bars run across, one band per row: long Khmer and English labels stay horizontal and readable.
  const band = spec.kind === 'stacked' || series.length === 1 ? 22 : 14 * series.length + 8;
  const labelWidth = Math.min(220, Math.round(width * 0.3));
  const plot = { x: labelWidth + 8, y: LEGEND + 8, w: width - labelWidth - 56, h: Math.max(band, categories.length * band) };
  const height = plot.y + plot.h + 26;
  const totals = categories.map((c) => (spec.kind === 'stacked' ? c.values.reduce<number>((a, v) => a + value(v), 0) : Math.max(0, ...c.values.map(value))));
  const max = Math.max(kind === 'share' ? 1 : 1, ...totals);
  const x = scaleLinear().domain([0, max]).nice().range([plot.x, plot.x + plot.w]);
  const rowScale = scaleBand<number>().domain(categories.map((_, i) => i)).range([plot.y, plot.y + plot.h]).paddingInner(0.2);
  const bars: Bar[] = [];
  categories.forEach((c, i) => {
    const top = rowScale(i) ?? plot.y;
    const h = rowScale.bandwidth();
    let start = 0;
    c.values.forEach((raw, s) => {
      const v = value(raw);
      if (spec.kind === 'stacked') {
        bars.push({ x: x(start), y: top, w: x(start + v) - x(start), h, series: s, value: v });
        start += v;
      } else {
        const each = h / series.length;
        bars.push({ x: x(0), y: top + s * each, w: x(v) - x(0), h: each - 1, series: s, value: v });
      }
    });
  });
  return {
    kind: spec.kind, width, height, plot, bars, lines: [], legend,
    ticks: x.ticks(Math.max(2, Math.floor(plot.w / 90))).filter(whole).map((v) => ({ at: x(v), label: format(v, kind) })),
    categories: categories.map((c, i) => ({ at: (rowScale(i) ?? 0) + rowScale.bandwidth() / 2, label: clip(c.label, 34) })),
  };
}

/**
 * How each series looks, in colour and in grey: colours of clearly different lightness, plus a
 * pattern (solid, hatched, dotted) for bars and a dash and marker for lines.
 */
export const SERIES_STYLES = [
  { colour: '#1f4e79', pattern: 'solid', dash: '', marker: 'circle' },
  { colour: '#d08c2a', pattern: 'hatch', dash: '6 3', marker: 'square' },
  { colour: '#7fb3d5', pattern: 'dots', dash: '2 3', marker: 'triangle' },
  { colour: '#5b5b5b', pattern: 'cross', dash: '10 3 2 3', marker: 'diamond' },
] as const;

export function seriesStyle(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}
