import { describe, expect, it } from 'vitest';
import { chartLayout, CHART_ROWS, SERIES_STYLES } from '../../../shared/reports/chart.js';

const format = (v: number) => String(v);

describe('chart geometry', () => {
  it('bars: lengths in proportion to the values, one band per row, at most CHART_ROWS rows', () => {
    const categories = Array.from({ length: 30 }, (_, i) => ({ label: `Row ${i}`, values: [30 - i] }));
    const layout = chartLayout({ spec: { kind: 'bar', series: ['n'] }, series: [{ key: 'n', label: 'N', kind: 'count' }], categories, width: 700, format });
    expect(layout.bars).toHaveLength(CHART_ROWS);
    const [first, second] = layout.bars;
    expect(first!.w / second!.w).toBeCloseTo(30 / 29, 5);
    expect(first!.x).toBe(layout.plot.x);
    expect(layout.categories.map((c) => c.label).slice(0, 2)).toEqual(['Row 0', 'Row 1']);
    expect(layout.ticks[0]!.label).toBe('0');
  });

  it('small counts: grid lines only at whole numbers; shares keep their fractions', () => {
    const count = chartLayout({ spec: { kind: 'bar', series: ['n'] }, series: [{ key: 'n', label: 'N', kind: 'count' }], categories: [{ label: 'F', values: [2] }], width: 700, format });
    expect(count.ticks.map((t) => t.label)).toEqual(['0', '1', '2']);
    const share = chartLayout({ spec: { kind: 'bar', series: ['s'] }, series: [{ key: 's', label: 'S', kind: 'share' }], categories: [{ label: 'F', values: [0.5] }], width: 700, format });
    expect(share.ticks.map((t) => t.label)).toContain('0.2');
  });

  it('stacked bars: each series starts where the one before ended', () => {
    const layout = chartLayout({
      spec: { kind: 'stacked', series: ['a', 'b'] },
      series: [{ key: 'a', label: 'A', kind: 'count' }, { key: 'b', label: 'B', kind: 'count' }],
      categories: [{ label: 'X', values: [3, 1] }],
      width: 700,
      format,
    });
    const [a, b] = layout.bars;
    expect(b!.x).toBeCloseTo(a!.x + a!.w, 5);
    expect(a!.w / b!.w).toBeCloseTo(3, 5);
  });

  it('lines: a month with no value is a gap, not a zero', () => {
    const layout = chartLayout({
      spec: { kind: 'line', series: ['s'] },
      series: [{ key: 's', label: 'Share', kind: 'share' }],
      categories: [{ label: 'Jan', values: [1] }, { label: 'Feb', values: [null] }, { label: 'Mar', values: [0.5] }],
      width: 700,
      format,
    });
    expect(layout.lines[0]!.points).toHaveLength(2);
    // Two separate pieces: the path moves (M) twice.
    expect(layout.lines[0]!.path.match(/M/g)).toHaveLength(2);
  });

  it('series differ without colour: each has its own pattern, dash and marker, and colours of different lightness', () => {
    const lightness = (hex: string) => { const n = parseInt(hex.slice(1), 16); return 0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255); };
    for (const field of ['pattern', 'dash', 'marker'] as const) expect(new Set(SERIES_STYLES.map((s) => s[field])).size).toBe(SERIES_STYLES.length);
    const grey = SERIES_STYLES.slice(0, 3).map((s) => lightness(s.colour)).sort((a, b) => a - b);
    expect(grey[1]! - grey[0]!).toBeGreaterThan(40);
    expect(grey[2]! - grey[1]!).toBeGreaterThan(20);
  });
});
