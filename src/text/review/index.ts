// Review texts: fingerprints that recognise templated praise across scripts and products. Code
// outside this folder imports from here.
export { reviewFingerprint, type ReviewFingerprint } from './fingerprint.js';
