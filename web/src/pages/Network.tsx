/**
 * The network around one entity (graphology + sigma, loaded on demand):
 * click a node to expand it, filter by relation type, a legend, and export as
 * GEXF or PNG. The same graph is listed as a table for keyboards and screen
 * readers. Depth, filters and expanded nodes are in the URL.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { MultiGraph } from 'graphology';
import Sigma from 'sigma';
import { request, type ApiError } from '../api.ts';
import { Link, href, useLocation, useQueryUpdater } from '../router.tsx';
import type { Network, NetworkNode } from '../../../src/server/wire.ts';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { drawPng, layout, mergeNetworks, toGexf } from '../networkGraph.ts';
import { download } from '../exports.ts';
import { schemaColour, schemaName } from '../schemas.ts';
import { humanize, topicLabel } from '../format.ts';
import { usePageTitle } from '../title.ts';

function useNetworks(id: string, depth: number, expand: string[]) {
  const [state, setState] = useState<{ parts: Network[] | null; error: ApiError | null; loading: boolean }>({ parts: null, error: null, loading: true });
  const key = `${id}|${depth}|${expand.join(',')}`;
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const urls = [href(`/api/network/${encodeURIComponent(id)}`, { depth }), ...expand.map((x) => href(`/api/network/${encodeURIComponent(x)}`, { depth: 1 }))];
    Promise.all(urls.map((u) => request<Network>(u, { signal: ctrl.signal }))).then(
      (parts) => setState({ parts, error: null, loading: false }),
      (error: ApiError) => {
        if (!ctrl.signal.aborted) setState({ parts: null, error, loading: false });
      },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

export default function NetworkPage({ id }: { id: string }) {
  const { query } = useLocation();
  const update = useQueryUpdater();
  const depth = Math.min(3, Math.max(1, Number(query.get('depth') ?? 1) || 1));
  const expand = (query.get('expand') ?? '').split(',').filter(Boolean);
  const hiddenTypes = new Set((query.get('hide') ?? '').split(',').filter(Boolean));
  const selected = query.get('node');
  const { parts, error, loading } = useNetworks(id, depth, expand);
  const container = useRef<HTMLDivElement>(null);
  const [webglError, setWebglError] = useState<string | null>(null);

  const merged = useMemo(() => (parts ? mergeNetworks(parts) : null), [parts]);
  const root = parts?.[0]?.root ?? id;
  const positions = useMemo(() => (merged ? layout(merged.nodes, merged.edges, root) : new Map()), [merged, root]);
  const visible = useMemo(() => {
    if (!merged) return null;
    const edges = merged.edges.filter((e) => !hiddenTypes.has(e.type));
    const keep = new Set<string>([root, ...edges.flatMap((e) => [e.source, e.target])]);
    return { nodes: merged.nodes.filter((n) => keep.has(n.id)), edges };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [merged, root, query.get('hide')]);
  const rootNode = merged?.nodes.find((n) => n.id === root);
  usePageTitle(rootNode?.caption);
  const title = `Network around ${rootNode?.caption ?? id}`;

  const expandNode = (node: string) => {
    const next = node === root || expand.includes(node) ? expand : [...expand, node];
    update({ expand: next, node }, { push: true });
  };

  useEffect(() => {
    if (!visible || !container.current) return;
    const graph = new MultiGraph();
    const degree = new Map<string, number>();
    for (const e of visible.edges) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    for (const n of visible.nodes) {
      const p = positions.get(n.id) ?? { x: 0, y: 0 };
      graph.addNode(n.id, {
        x: p.x,
        y: -p.y,
        label: n.caption,
        size: n.id === root ? 14 : Math.min(12, 5 + Math.sqrt(degree.get(n.id) ?? 1) * 2),
        color: schemaColour(n.schema),
        highlighted: n.id === selected,
      });
    }
    for (const e of visible.edges) {
      if (e.directed) graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { label: e.label, size: 1.5, color: '#9aa3ad', type: 'arrow' });
      else graph.addUndirectedEdgeWithKey(e.id, e.source, e.target, { label: e.label, size: 1.5, color: '#9aa3ad', type: 'line' });
    }
    let sigma: Sigma | null = null;
    try {
      sigma = new Sigma(graph, container.current, {
        renderEdgeLabels: true,
        labelRenderedSizeThreshold: 0,
        labelDensity: 1,
        labelGridCellSize: 60,
        labelSize: 13,
        labelFont: 'system-ui, sans-serif',
        edgeLabelSize: 11,
        edgeLabelColor: { color: '#555' },
        defaultEdgeType: 'arrow',
        stagePadding: 40,
        zIndex: true,
      });
      setWebglError(null);
      sigma.on('clickNode', ({ node }) => expandNode(node));
      sigma.on('enterNode', () => container.current?.classList.add('pointer'));
      sigma.on('leaveNode', () => container.current?.classList.remove('pointer'));
    } catch (e) {
      setWebglError(e instanceof Error ? e.message : String(e));
    }
    return () => sigma?.kill();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible, positions, selected]);

  if (error) return <ErrorNote error={error} what="The network" />;
  if (!merged || !visible) return <Loading what="Loading the network" />;

  const schemas = [...new Set(visible.nodes.map((n) => n.schema))].sort();
  const chosen: NetworkNode | undefined = merged.nodes.find((n) => n.id === selected);
  const toggleType = (t: string) => {
    const next = new Set(hiddenTypes);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    update({ hide: [...next] });
  };
  const byId = new Map(merged.nodes.map((n) => [n.id, n]));
  return (
    <section className="network-page">
      <p className="crumbs small">
        <Link to={`/entity/${encodeURIComponent(root)}`}>← {rootNode?.caption ?? id}</Link>
      </p>
      <h1>{title}</h1>
      <p className="small muted">
        Click a node to expand it with its own relations; drag to pan, scroll to zoom. {visible.nodes.length} entities, {visible.edges.length} relations
        {merged.truncated ? ' (cut at the node limit)' : ''}.{loading ? ' Loading…' : ''}
      </p>
      <div className="network-tools">
        <div className="depth">
          <label htmlFor="depth">Hops</label>
          <select id="depth" value={depth} onChange={(e) => update({ depth: e.target.value })}>
            {[1, 2, 3].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="chips">
          <legend>Relation types</legend>
          {merged.types.map((t) => (
            <label key={t} className={hiddenTypes.has(t) ? 'chip' : 'chip on'}>
              <input type="checkbox" checked={!hiddenTypes.has(t)} onChange={() => toggleType(t)} /> {schemaName(t)}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => download(`room39-network-${root}.gexf`, new Blob([toGexf(visible.nodes, visible.edges, positions, title)], { type: 'application/gexf+xml' }))}>
            Export GEXF
          </button>
          <button type="button" className="secondary" onClick={() => void drawPng(visible.nodes, visible.edges, positions, title).then((b) => download(`room39-network-${root}.png`, b))}>
            Export PNG
          </button>
          {expand.length ? (
            <button type="button" className="secondary" onClick={() => update({ expand: null, node: null }, { push: true })}>
              Collapse all
            </button>
          ) : null}
        </div>
      </div>
      <div className="network-layout">
        <div className="network-canvas" ref={container} role="img" aria-label={`${title}: ${visible.nodes.length} entities and ${visible.edges.length} relations; the same graph is listed below as a table`} />
        <aside className="network-side">
          <h2 className="h3">Legend</h2>
          <ul className="legend vertical">
            {schemas.map((s) => (
              <li key={s}>
                <svg width="14" height="14" aria-hidden="true">
                  <circle cx="7" cy="7" r="6" fill={schemaColour(s)} />
                </svg>{' '}
                {schemaName(s)}
              </li>
            ))}
            <li className="small muted">Bigger nodes have more relations; arrows point from subject to object (director → company).</li>
          </ul>
          {chosen ? (
            <div className="card" aria-live="polite">
              <h2 className="h3">{chosen.caption}</h2>
              <p>
                <span className="schema-tag">{schemaName(chosen.schema)}</span>{' '}
                {chosen.topics.map((t) => (
                  <span key={t} className={`topic topic-${t.replace(/\W/g, '-')}`}>
                    {topicLabel(t)}
                  </span>
                ))}
              </p>
              <p>
                <Link to={`/entity/${encodeURIComponent(chosen.id)}`}>Open the entity page</Link> · <Link to={`/network/${encodeURIComponent(chosen.id)}`}>Centre the network here</Link>
              </p>
            </div>
          ) : null}
        </aside>
      </div>
      {webglError ? (
        <div className="note note-error" role="alert">
          The graph could not be drawn here ({webglError}); the table below lists the same network.
        </div>
      ) : null}
      <details className="network-table">
        <summary>The network as a table ({visible.nodes.length} entities)</summary>
        <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Entity</th>
              <th scope="col">Type</th>
              <th scope="col">Relations</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.nodes.map((n) => (
              <tr key={n.id}>
                <td>
                  <Link to={`/entity/${encodeURIComponent(n.id)}`}>{n.caption}</Link>
                </td>
                <td>{schemaName(n.schema)}</td>
                <td className="small">
                  {visible.edges
                    .filter((e) => e.source === n.id)
                    .map((e) => `${humanize(e.label)} ${byId.get(e.target)?.caption ?? e.target}`)
                    .join('; ')}
                </td>
                <td>
                  {n.id !== root && !expand.includes(n.id) ? (
                    <button type="button" className="linklike" onClick={() => expandNode(n.id)}>
                      Expand<span className="sr-only"> {n.caption}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </details>
    </section>
  );
}
