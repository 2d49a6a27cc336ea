// Runs events through the real core pipeline with in-memory state and collects the outputs.
import type { Alert, BulwarkEvent, Decision } from '../../src/contract/index.js';
import { MemoryAppliedEvents, MemoryStateStore, Pipeline, type AnyDetector } from '../../src/core/index.js';
import { detectors as allDetectors } from '../../src/detectors/index.js';
import { defaultConfig } from '../../src/config/index.js';
import { keyAddress } from '../../src/text/index.js';

export interface RunResult {
  decisions: Map<string, Decision>;
  alerts: Map<string, Alert>;
  pipeline: Pipeline;
  state: MemoryStateStore;
}

/**
 * Processes `events` in order through a pipeline of `detectors` (all by default) with default
 * config and the address keyer the engine uses.
 */
export function run(events: readonly BulwarkEvent[], detectors: readonly AnyDetector[] = allDetectors): RunResult {
  const cfg = defaultConfig();
  const state = new MemoryStateStore();
  const alerts = new Map<string, Alert>();
  // Configured parameters belong to the registered detectors; a test's own detector of the same
  // kind runs with its own defaults.
  const configured = cfg.detectors as Record<string, unknown>;
  const params = Object.fromEntries(detectors.map((d) => [d.kind, allDetectors.includes(d) ? configured[d.kind] : d.defaults]));
  const pipeline = new Pipeline({
    detectors, params,
    policy: { thresholds: cfg.decision.thresholds, byType: cfg.decision.byType },
    state, applied: new MemoryAppliedEvents(), alerts: { alertChanged: (a) => alerts.set(a.id, structuredClone(a)) },
    addressKey: keyAddress,
  });
  const decisions = new Map<string, Decision>();
  for (const e of events) {
    const out = pipeline.process(e);
    if (out.status === 'accepted' && out.decision) decisions.set(e.id, out.decision);
  }
  return { decisions, alerts, pipeline, state };
}
