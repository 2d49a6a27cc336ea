// Evidence packages of cases: building one for whoever asks (raw for analysts, keyed hashes for a
// victim merchant), and checking one against its manifest.
import type { Actor, CaseDesk } from '../desk.js';
import { buildPackage, type EvidencePackage } from './package.js';

export { buildPackage, verifyPackage, type EvidencePackage, type Manifest, type PackageFile } from './package.js';

/** The package of case `id` as `actor` may have it: the desk's visibility rules apply first. */
export async function casePackage(desk: CaseDesk, actor: Actor, id: string): Promise<EvidencePackage> {
  const c = await desk.getCase(actor, id);
  const alert = c.alert_ids[0] ? await desk.alert(c.alert_ids[0]) : undefined;
  const sanctions = await desk.store.sanctions({ source: c.source, caseId: c.id });
  const raw = actor.role === 'analyst';
  // A merchant's package shows its own shop's part of the sanctions only.
  const shown = raw || actor.role === 'admin' ? sanctions : sanctions.filter((s) => s.subject.type === 'account' || s.subject.id === actor.shop);
  return buildPackage({ case: c, alert, sanctions: shown, entities: desk.entities(), raw, hashSecret: desk.config.evidence.hashSecret, now: desk.now() });
}
