/** The flow of one worker's wage (d3-sankey, loaded on demand): gross wage to each recipient, each slice with its quote. */
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import type { WageFlow } from '../../../src/server/wire.ts';
import { pct, usd } from '../format.ts';

interface N {
  id: string;
  label: string;
  kind: 'wage' | 'state' | 'worker';
}
interface L {
  source: string;
  target: string;
  value: number;
  usd: number | null;
}

const W = 720;
const H = 320;
const KIND_CLASS: Record<N['kind'], string> = { wage: 'sk-wage', state: 'sk-state', worker: 'sk-worker' };

export default function WageSankey({ flow }: { flow: WageFlow }) {
  const layout = sankey<N, L>()
    .nodeId((n) => n.id)
    .nodeWidth(18)
    .nodePadding(14)
    .extent([
      [150, 8],
      [W - 290, H - 8],
    ]);
  const graph = layout({
    nodes: flow.nodes.map((n) => ({ ...n })),
    links: flow.links.filter((l) => l.fraction > 0).map((l) => ({ source: l.source, target: l.target, value: l.fraction, usd: l.usd_per_worker_month })),
  });
  const path = sankeyLinkHorizontal<N, L>();
  const label = flow.nodes.map((n) => {
    const l = flow.links.find((x) => x.target === n.id);
    return l ? `${n.label} ${pct(l.fraction)}` : null;
  });
  return (
    <svg className="sankey" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Wage split: ${label.filter(Boolean).join(', ')}`}>
      {graph.links.map((l: SankeyLink<N, L>, i) => {
        const target = l.target as SankeyNode<N, L>;
        return (
          <path key={i} d={path(l) ?? ''} className={`sk-link ${KIND_CLASS[target.kind]}`} strokeWidth={Math.max(1, l.width ?? 1)} fill="none">
            <title>{`${target.label}: ${pct(l.value)}${l.usd != null ? ` (${usd(l.usd)} a month)` : ''}`}</title>
          </path>
        );
      })}
      {graph.nodes.map((n: SankeyNode<N, L>) => {
        const x0 = n.x0 ?? 0;
        const x1 = n.x1 ?? 0;
        const y0 = n.y0 ?? 0;
        const y1 = n.y1 ?? 0;
        const l = flow.links.find((x) => x.target === n.id);
        const text = n.kind === 'wage' ? 'gross wage' : `${n.label}: ${pct(l?.fraction ?? 0)}${l?.usd_per_worker_month != null ? `, ${usd(l.usd_per_worker_month)}/mo` : ''}`;
        return (
          <g key={n.id}>
            <rect x={x0} y={y0} width={x1 - x0} height={Math.max(1, y1 - y0)} className={`sk-node ${KIND_CLASS[n.kind]}`} />
            <text x={n.kind === 'wage' ? x0 - 6 : x1 + 6} y={(y0 + y1) / 2} dy="0.35em" textAnchor={n.kind === 'wage' ? 'end' : 'start'} className="sk-label">
              {text}
            </text>
            {n.kind === 'wage' && flow.wage_usd_month_p50 != null ? (
              <text x={x0 - 6} y={(y0 + y1) / 2 + 16} dy="0.35em" textAnchor="end" className="sk-label muted-text">
                {usd(flow.wage_usd_month_p50)} a month
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
