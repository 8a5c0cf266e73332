/**
 * The network page's graph work, kept out of the React component: merging
 * network answers, a deterministic ForceAtlas2 layout, GEXF export and a
 * PNG drawn from the laid-out positions.
 */
import type { Network, NetworkEdge, NetworkNode } from '../../src/server/wire.ts';
import { MultiUndirectedGraph } from 'graphology';
import fa2 from 'graphology-layout-forceatlas2';
import { schemaColour, schemaName } from './schemas.ts';

// The package is CommonJS with ESM-style typings: TypeScript types the default import as the module object, the bundler gives the function.
const forceAtlas2 = ('assign' in fa2 ? fa2 : fa2.default) as typeof fa2.default;

export interface Positioned {
  x: number;
  y: number;
}

/** Joins network answers (the first one's root, every node and edge once; the smallest depth wins). */
export function mergeNetworks(parts: Network[]): { nodes: NetworkNode[]; edges: NetworkEdge[]; types: string[]; truncated: boolean } {
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge>();
  for (const p of parts) {
    for (const n of p.nodes) {
      const prev = nodes.get(n.id);
      if (!prev || n.depth < prev.depth) nodes.set(n.id, prev ? { ...n, depth: Math.min(prev.depth, n.depth) } : n);
    }
    for (const e of p.edges) edges.set(e.id, e);
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target)),
    types: [...new Set([...edges.values()].map((e) => e.type))].sort(),
    truncated: parts.some((p) => p.truncated),
  };
}

/**
 * ForceAtlas2 (graphology's maintained implementation, Barnes–Hut above 100
 * nodes) started from rings by depth and re-centred on the root, so the same
 * input always gives the same picture and a kept node stays where it was.
 */
export function layout(nodes: NetworkNode[], edges: NetworkEdge[], root: string, keep: ReadonlyMap<string, Positioned> = new Map()): Map<string, Positioned> {
  const graph = new MultiUndirectedGraph<Positioned & { fixed: boolean }>({ allowSelfLoops: false });
  const byDepth = new Map<number, NetworkNode[]>();
  for (const n of nodes) byDepth.set(n.depth, [...(byDepth.get(n.depth) ?? []), n]);
  for (const [d, list] of byDepth) {
    list.sort((a, b) => a.id.localeCompare(b.id));
    list.forEach((n, i) => {
      const kept = keep.get(n.id);
      const a = (2 * Math.PI * i) / list.length + d * 0.7;
      const start = kept ?? (n.id === root ? { x: 0, y: 0 } : { x: Math.cos(a) * 100 * (d + 0.5), y: Math.sin(a) * 100 * (d + 0.5) });
      graph.addNode(n.id, { ...start, fixed: kept !== undefined });
    });
  }
  for (const e of edges) if (e.source !== e.target && graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdge(e.source, e.target);
  if (graph.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 100, adjustSizes: false };
    forceAtlas2.assign(graph, { iterations: graph.order > 150 ? 200 : 400, settings });
  }
  const centre = graph.hasNode(root) ? { x: graph.getNodeAttribute(root, 'x'), y: graph.getNodeAttribute(root, 'y') } : { x: 0, y: 0 };
  // FA2 distances are in its own units: scale them to the rings' (about 100 per hop) so labels keep their room.
  let spread = 0;
  graph.forEachNode((_, a) => { spread = Math.max(spread, Math.hypot(a.x - centre.x, a.y - centre.y)); });
  const maxDepth = Math.max(0, ...nodes.map((n) => n.depth));
  const scale = spread > 0 ? (100 * (maxDepth + 0.5)) / spread : 1;
  const pos = new Map<string, Positioned>();
  graph.forEachNode((id, a) => {
    const kept = keep.get(id);
    pos.set(id, kept ? { ...kept } : { x: (a.x - centre.x) * scale, y: (a.y - centre.y) * scale });
  });
  return pos;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** GEXF 1.3 (Gephi's format) with schema, topics, relation type and positions. */
export function toGexf(nodes: NetworkNode[], edges: NetworkEdge[], pos: ReadonlyMap<string, Positioned>, title: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `  <meta><creator>room39</creator><description>${xml(title)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node"><attribute id="schema" title="schema" type="string"/><attribute id="topics" title="topics" type="string"/></attributes>',
    '    <attributes class="edge"><attribute id="type" title="relation type" type="string"/></attributes>',
    '    <nodes>',
  ];
  for (const n of nodes) {
    const p = pos.get(n.id) ?? { x: 0, y: 0 };
    const c = hexToRgb(schemaColour(n.schema));
    lines.push(
      `      <node id="${xml(n.id)}" label="${xml(n.caption)}"><attvalues><attvalue for="schema" value="${xml(n.schema)}"/><attvalue for="topics" value="${xml(n.topics.join(';'))}"/></attvalues>` +
        `<viz:position x="${p.x.toFixed(2)}" y="${(-p.y).toFixed(2)}" z="0"/><viz:color r="${c[0]}" g="${c[1]}" b="${c[2]}"/></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of edges) {
    lines.push(
      `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" type="${e.directed ? 'directed' : 'undirected'}" label="${xml(e.label)}"><attvalues><attvalue for="type" value="${xml(e.type)}"/></attvalues></edge>`,
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

function hexToRgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Draws the network on a 2D canvas (edges, nodes, every label) for a PNG download. */
export function drawPng(nodes: NetworkNode[], edges: NetworkEdge[], pos: ReadonlyMap<string, Positioned>, title: string): Promise<Blob> {
  const W = 1600;
  const H = 1200;
  const pad = 120;
  const xs = nodes.map((n) => pos.get(n.id)?.x ?? 0);
  const ys = nodes.map((n) => pos.get(n.id)?.y ?? 0);
  const minX = Math.min(...xs, 0);
  const maxX = Math.max(...xs, 1);
  const minY = Math.min(...ys, 0);
  const maxY = Math.max(...ys, 1);
  const scale = Math.min((W - 2 * pad) / Math.max(1, maxX - minX), (H - 2 * pad - 40) / Math.max(1, maxY - minY));
  const at = (id: string) => {
    const p = pos.get(id) ?? { x: 0, y: 0 };
    return [pad + (p.x - minX) * scale, pad + 40 + (p.y - minY) * scale] as const;
  };
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const g = canvas.getContext('2d');
  if (!g) return Promise.reject(new Error('this browser cannot draw on a canvas'));
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, H);
  g.fillStyle = '#1b1b1b';
  g.font = '600 24px system-ui, sans-serif';
  g.fillText(title, 24, 40);
  g.font = '14px system-ui, sans-serif';
  g.fillStyle = '#5a5a5a';
  g.fillText('room39 evidence graph · every edge rests on a sourced statement', 24, 64);
  g.lineWidth = 1.5;
  for (const e of edges) {
    const [x1, y1] = at(e.source);
    const [x2, y2] = at(e.target);
    g.strokeStyle = '#9aa3ad';
    g.beginPath();
    g.moveTo(x1, y1);
    g.lineTo(x2, y2);
    g.stroke();
    g.fillStyle = '#6b7580';
    g.font = '11px system-ui, sans-serif';
    g.fillText(e.label, (x1 + x2) / 2 + 4, (y1 + y2) / 2 - 4);
  }
  for (const n of nodes) {
    const [x, y] = at(n.id);
    g.fillStyle = schemaColour(n.schema);
    g.beginPath();
    g.arc(x, y, n.depth === 0 ? 12 : 8, 0, 2 * Math.PI);
    g.fill();
    g.fillStyle = '#1b1b1b';
    g.font = `${n.depth === 0 ? '700 15px' : '13px'} system-ui, sans-serif`;
    g.fillText(n.caption.length > 48 ? `${n.caption.slice(0, 47)}…` : n.caption, x + 12, y + 4);
  }
  // legend
  const schemas = [...new Set(nodes.map((n) => n.schema))];
  schemas.forEach((s, i) => {
    g.fillStyle = schemaColour(s);
    g.fillRect(W - 220, 24 + i * 22, 14, 14);
    g.fillStyle = '#1b1b1b';
    g.font = '13px system-ui, sans-serif';
    g.fillText(schemaName(s), W - 200, 36 + i * 22);
  });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
}
