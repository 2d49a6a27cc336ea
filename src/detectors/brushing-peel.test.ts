import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { densestBlock, type PeelGraph } from './brushing-peel.js';

/** f(S) / |S| of the rows and columns kept. */
function densityOf(g: PeelGraph, rows: readonly boolean[], cols: readonly boolean[]): number {
  let f = 0;
  for (let e = 0; e < g.edgeRow.length; e++) if (rows[g.edgeRow[e]!] && cols[g.edgeCol[e]!]) f += g.edgeWeight[e]!;
  const n = rows.filter(Boolean).length + cols.filter(Boolean).length;
  return n === 0 ? 0 : f / n;
}

const graphs = fc.record({
  rows: fc.integer({ min: 1, max: 30 }),
  cols: fc.integer({ min: 1, max: 12 }),
  edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0.01, max: 3, noNaN: true })), { maxLength: 120 }),
}).map(({ rows, cols, edges }): PeelGraph => ({
  rows, cols,
  edgeRow: edges.map(([r]) => r % rows), edgeCol: edges.map(([, c]) => c % cols), edgeWeight: edges.map(([, , w]) => w),
}));

test('the block it returns has the density it reports, at least that of the whole graph', () => {
  fc.assert(fc.property(graphs, (g) => {
    const b = densestBlock(g);
    const all = densityOf(g, Array(g.rows).fill(true), Array(g.cols).fill(true));
    assert.ok(Math.abs(densityOf(g, b.rows, b.cols) - b.density) < 1e-9);
    assert.ok(b.density >= all - 1e-9);
  }), { numRuns: 300 });
});

test('an injected block of 8 clusters by 3 shops is kept whatever the camouflage and noise around it (within FRAUDAR\'s factor 2)', () => {
  fc.assert(fc.property(graphs, fc.integer({ min: 0, max: 3 }), (noise, camouflage) => {
    // Rows 0-7 and columns 0-2 are the ring; the noise graph is shifted past them.
    const rows = noise.rows + 8; const cols = noise.cols + 3;
    const g: { edgeRow: number[]; edgeCol: number[]; edgeWeight: number[] } = {
      edgeRow: noise.edgeRow.map((r) => r + 8), edgeCol: noise.edgeCol.map((c) => c + 3), edgeWeight: [...noise.edgeWeight],
    };
    for (let r = 0; r < 8; r++) {
      for (let c = 0; c < 3; c++) { g.edgeRow.push(r); g.edgeCol.push(c); g.edgeWeight.push(4); }
      for (let k = 0; k < camouflage; k++) { g.edgeRow.push(r); g.edgeCol.push(3 + ((r + k) % noise.cols)); g.edgeWeight.push(0.5); }
    }
    const graph = { rows, cols, ...g };
    const b = densestBlock(graph);
    const ring = densityOf(graph, Array.from({ length: rows }, (_, r) => r < 8), Array.from({ length: cols }, (_, c) => c < 3));
    assert.ok(b.density >= ring / 2 - 1e-9, `${b.density} against ${ring}`);
    assert.ok(b.rows.slice(0, 8).some(Boolean) && b.cols.slice(0, 3).some(Boolean), 'the block overlaps the ring');
  }), { numRuns: 200 });
});

test('equal weights peel the same way every time: ties break by index', () => {
  const g: PeelGraph = { rows: 4, cols: 2, edgeRow: [0, 1, 2, 3], edgeCol: [0, 0, 1, 1], edgeWeight: [1, 1, 1, 1] };
  assert.deepEqual(densestBlock(g), densestBlock(g));
  assert.equal(densestBlock({ rows: 0, cols: 0, edgeRow: [], edgeCol: [], edgeWeight: [] }).density, 0);
});
