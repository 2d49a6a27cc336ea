// An interactive link graph with Cytoscape.js: canvas rendering that stays usable with a few
// thousand nodes (labels appear only when zoomed in, edges hide while panning), laid out by
// fCoSE, a force-directed layout fast enough for that size in the browser.
import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { Badge, Group, Text } from '@mantine/core';
import { useI18n } from '../i18n';
import type { GraphModel, NodeKind } from './graph-model';

cytoscape.use(fcose);

export const NODE_COLOURS: Record<NodeKind, string> = {
  account: '#1c7ed6', device: '#f76707', payment: '#2f9e44', phone: '#ae3ec9', address: '#e8590c', ip: '#868e96', shop: '#c92a2a',
};
const SHAPES: Record<NodeKind, string> = {
  account: 'ellipse', device: 'round-rectangle', payment: 'round-rectangle', phone: 'round-rectangle', address: 'round-rectangle', ip: 'round-rectangle', shop: 'diamond',
};
/** Above this many elements the layout runs in its draft quality: seconds instead of minutes. */
const DRAFT_ABOVE = 800;

export function LinkGraph({ model, height = 520, onSelect }: { model: GraphModel; height?: number; onSelect?: (id: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const { t } = useI18n();
  // The latest handler, so that a parent re-rendering does not rebuild and re-lay the graph.
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    if (!box.current) return;
    const size = model.nodes.length + model.edges.length;
    const c = cytoscape({
      container: box.current,
      elements: [
        ...model.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, subject: n.subject ? 1 : 0 } })),
        ...model.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, via: e.via, weak: e.weak ? 1 : 0 } })),
      ],
      style: [
        { selector: 'node', style: {
          'background-color': (n: cytoscape.NodeSingular) => NODE_COLOURS[n.data('kind') as NodeKind],
          shape: ((n: cytoscape.NodeSingular) => SHAPES[n.data('kind') as NodeKind]) as never,
          width: 12, height: 12, label: 'data(label)', 'font-size': 6, 'min-zoomed-font-size': 8, color: '#343a40',
        } },
        { selector: 'node[subject = 1]', style: { width: 16, height: 16, 'border-width': 2, 'border-color': '#212529' } },
        { selector: 'node[kind = "shop"]', style: { width: 30, height: 30, 'font-size': 10 } },
        { selector: 'edge', style: { width: 1, 'line-color': '#adb5bd', 'curve-style': 'haystack', opacity: 0.8 } },
        { selector: 'edge[weak = 1]', style: { 'line-style': 'dashed', opacity: 0.4 } },
        { selector: ':selected', style: { 'border-width': 3, 'border-color': '#fab005' } },
      ],
      layout: { name: 'fcose', quality: size > DRAFT_ABOVE ? 'draft' : 'default', animate: false, randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 50, nodeSeparation: 60 } as cytoscape.LayoutOptions,
      textureOnViewport: size > DRAFT_ABOVE,
      hideEdgesOnViewport: size > DRAFT_ABOVE,
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
    });
    c.on('tap', 'node', (ev) => {
      const id = ev.target.id() as string;
      setSelected(id);
      select.current?.(id);
    });
    cy.current = c;
    return () => {
      c.destroy();
      cy.current = null;
    };
  }, [model]);
  const kinds = Object.keys(NODE_COLOURS) as NodeKind[];
  return (
    <div>
      <Group gap={6} mb={6} wrap="wrap">
        {kinds.map((k) => <Badge key={k} variant="dot" color={NODE_COLOURS[k]} size="sm">{t(`graph.legend.${k}`)}</Badge>)}
      </Group>
      <div ref={box} data-testid="link-graph" data-nodes={model.nodes.length} data-accounts={model.accounts}
        style={{ width: '100%', height, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }} />
      {selected && <Text size="sm" mt={4}>{t('graph.selected', { label: selected })}</Text>}
    </div>
  );
}
