// Runs events through the real pipeline with the merchant-strategy guards in front of the
// detectors, as app/ wires them, reading strategies from a real StrategyTimeline.
import type { BulwarkEvent, Decision, ShopStrategies } from '../../src/contract/index.js';
import { MemoryAppliedEvents, MemoryStateStore, Pipeline, type AnyPlugin, type Warning } from '../../src/core/index.js';
import { detectors as allDetectors, priceBaseline } from '../../src/detectors/index.js';
import { StrategyTimeline, strategyGuards } from '../../src/rules/strategies/index.js';
import { defaultConfig } from '../../src/config/index.js';
import { keyAddress } from '../../src/text/index.js';

export interface GuardedRun {
  decisions: Map<string, Decision>;
  warnings: Warning[];
  state: MemoryStateStore;
}

/**
 * Processes `events` with `strategies` by shop (all in effect from the first event, or from the
 * event at `from` when given), the guards first, then `detectors` (none by default).
 */
export function runGuarded(events: readonly BulwarkEvent[], o: {
  strategies?: Record<string, ShopStrategies>; from?: number; detectors?: readonly AnyPlugin[];
} = {}): GuardedRun {
  const cfg = defaultConfig();
  const state = new MemoryStateStore();
  const book = new StrategyTimeline();
  for (const [shopId, strategies] of Object.entries(o.strategies ?? {})) book.add({ tenant: 'default', shopId, position: o.from ?? 0, strategies });
  const detectors = o.detectors ?? [];
  const pipeline = new Pipeline({
    detectors: [...strategyGuards({ book, baseline: priceBaseline }), ...detectors],
    params: { ...Object.fromEntries(detectors.map((d) => [d.kind, (cfg.detectors as Record<string, unknown>)[d.kind] ?? d.defaults])), ...cfg.guards },
    policy: { thresholds: cfg.decision.thresholds, byType: cfg.decision.byType },
    state, applied: new MemoryAppliedEvents(), alerts: { alertChanged: () => {} }, addressKey: keyAddress,
  });
  const decisions = new Map<string, Decision>();
  const warnings: Warning[] = [];
  events.forEach((e, position) => {
    book.seek(position);
    const out = pipeline.process(e);
    if (out.status !== 'accepted') return;
    if (out.decision) decisions.set(e.id, out.decision);
    warnings.push(...out.warnings);
  });
  return { decisions, warnings, state };
}

export { allDetectors };
