// The detector registry: one abuse kind per module, each a plug-in of the core's Detector
// interface. Shared code looks detectors up here and never branches on a kind.
import type { AnyDetector } from '../core/index.js';
import { brushingDetector } from './brushing.js';
import { priceErrorDetector } from './price-error.js';
import { scalpingDetector } from './scalping.js';
import { reverseBrushingDetector } from './reverse-brushing.js';
import { maliciousClaimDetector } from './malicious-claim.js';
import { promoAbuseDetector } from './promo-abuse.js';
import { refundAbuseDetector } from './refund-abuse.js';
import { harassmentDetector } from './harassment.js';
import { reviewManipulationDetector } from './review-manipulation.js';

/** Every detector, in the order the pipeline runs them (the order of reasons among equal scores). */
export const detectors: readonly AnyDetector[] = [priceErrorDetector, scalpingDetector, reverseBrushingDetector, brushingDetector, refundAbuseDetector, promoAbuseDetector, maliciousClaimDetector, harassmentDetector, reviewManipulationDetector];

export { priceErrorDetector, scalpingDetector, reverseBrushingDetector, brushingDetector, refundAbuseDetector, promoAbuseDetector, maliciousClaimDetector, harassmentDetector, reviewManipulationDetector };
export { priceBaseline } from './price-error.js';
