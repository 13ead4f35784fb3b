import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chartLayout, seriesStyle, type ChartSeries } from '../../../shared/reports/chart.js';
import { formatCell, type TableModel } from '../../../shared/reports/format.js';
import { useLanguage } from '../i18n.js';

const WIDTH = 760;

/** Fill patterns so series differ in a grey print as well as in colour. Attributes only: nothing the CSP's style-src would block. */
function Patterns({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const s = seriesStyle(i);
        return (
          <pattern key={i} id={`${prefix}-${i}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={s.pattern === 'hatch' ? 'rotate(45)' : undefined}>
            <rect width="6" height="6" fill={s.pattern === 'solid' ? s.colour : '#ffffff'} />
            {s.pattern === 'hatch' ? <rect width="3" height="6" fill={s.colour} /> : null}
            {s.pattern === 'dots' ? <circle cx="3" cy="3" r="1.6" fill={s.colour} /> : null}
            {s.pattern === 'cross' ? <path d="M0 0L6 6M6 0L0 6" stroke={s.colour} strokeWidth="1.2" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

function Marker({ x, y, index }: { x: number; y: number; index: number }) {
  const s = seriesStyle(index);
  if (s.marker === 'square') return <rect x={x - 3.5} y={y - 3.5} width="7" height="7" fill={s.colour} />;
  if (s.marker === 'triangle') return <path d={`M${x} ${y - 4.5}L${x + 4.5} ${y + 3.5}L${x - 4.5} ${y + 3.5}Z`} fill={s.colour} />;
  if (s.marker === 'diamond') return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} fill={s.colour} />;
  return <circle cx={x} cy={y} r="3.5" fill={s.colour} />;
}

/** One table's chart as SVG, drawn from the same geometry the PDF uses. */
export function ReportChart({ table }: { table: TableModel }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const prefix = useId().replace(/:/g, '');
  const { chart, columns } = table.definition;
  const series: ChartSeries[] = chart.series.map((key) => {
    const column = columns.find((c) => c.key === key);
    return { key, label: table.headings[columns.indexOf(column!) + 1] ?? key, kind: column?.kind === 'share' ? 'share' : 'count' };
  });
  const index = chart.series.map((key) => columns.findIndex((c) => c.key === key));
  const layout = chartLayout({
    spec: chart,
    series,
    width: WIDTH,
    categories: table.rows.map((r) => ({ label: r.label, values: index.map((i) => (typeof r.cells[i] === 'number' ? (r.cells[i] as number) : null)) })),
    format: (v, kind) => formatCell(v, kind, language),
  });
  const { plot } = layout;
  return (
    <figure className="report-chart">
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} width="100%" role="img" aria-label={t('reports.chart', { title: table.title })}>
        <Patterns prefix={prefix} count={series.length} />
        {layout.legend.map((l) => (
          <g key={l.series}>
            {layout.kind === 'line' ? (
              <>
                <line x1={l.x} x2={l.x + 22} y1={l.y - 4} y2={l.y - 4} stroke={seriesStyle(l.series).colour} strokeWidth="2" strokeDasharray={seriesStyle(l.series).dash || undefined} />
                <Marker x={l.x + 11} y={l.y - 4} index={l.series} />
              </>
            ) : (
              <rect x={l.x} y={l.y - 10} width="14" height="12" fill={`url(#${prefix}-${l.series})`} stroke={seriesStyle(l.series).colour} />
            )}
            <text x={l.x + 28} y={l.y} className="chart-legend">{l.label}</text>
          </g>
        ))}
        {layout.ticks.map((tick, i) =>
          layout.kind === 'line' ? (
            <g key={i}>
              <line x1={plot.x} x2={plot.x + plot.w} y1={tick.at} y2={tick.at} className="chart-grid" />
              <text x={plot.x - 6} y={tick.at + 4} textAnchor="end" className="chart-tick">{tick.label}</text>
            </g>
          ) : (
            <g key={i}>
              <line x1={tick.at} x2={tick.at} y1={plot.y} y2={plot.y + plot.h} className="chart-grid" />
              <text x={tick.at} y={plot.y + plot.h + 16} textAnchor="middle" className="chart-tick">{tick.label}</text>
            </g>
          ),
        )}
        {layout.categories.map((c, i) =>
          layout.kind === 'line' ? (
            <text key={i} x={c.at} y={plot.y + plot.h + 18} textAnchor="middle" className="chart-tick">{c.label}</text>
          ) : (
            <text key={i} x={plot.x - 8} y={c.at + 4} textAnchor="end" className="chart-category">{c.label}</text>
          ),
        )}
        {layout.bars.map((b, i) => (
          <rect key={i} x={b.x} y={b.y} width={Math.max(0, b.w)} height={Math.max(0, b.h)} fill={`url(#${prefix}-${b.series})`} stroke={seriesStyle(b.series).colour} strokeWidth="0.8" />
        ))}
        {layout.lines.map((l) => (
          <g key={l.series}>
            <path d={l.path} fill="none" stroke={seriesStyle(l.series).colour} strokeWidth="2" strokeDasharray={seriesStyle(l.series).dash || undefined} />
            {l.points.map((p, i) => <Marker key={i} x={p.x} y={p.y} index={l.series} />)}
          </g>
        ))}
        <line x1={plot.x} x2={plot.x} y1={plot.y} y2={plot.y + plot.h} className="chart-axis" />
        <line x1={plot.x} x2={plot.x + plot.w} y1={plot.y + plot.h} y2={plot.y + plot.h} className="chart-axis" />
      </svg>
    </figure>
  );
}
