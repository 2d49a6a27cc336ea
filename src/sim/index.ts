// The marketplace simulator and the evaluation of alerts and decisions against its truth. Lives
// here: seeded generation of a labelled event stream (benign traffic, attacks, look-alikes), the
// truth format, and the metrics. Must not live here: file and CLI handling (src/app, src/cli), and
// anything the detectors need at run time (the simulator only produces data for them).
export { simulate, checkSimOptions, MIN_SCALE } from './simulate.js';
export { DEFAULT_START, type SimOptions } from './world.js';
export { writeChunks, writeTruth } from './writer.js';
export { LOOKALIKE_KINDS, type LookalikeKind, type Truth, type TruthIncident, type TruthLookalike, type TruthEntities } from './truth.js';
export {
  evaluate, alertMatches, indexIncident,
  type EvalReport, type EvalInput, type KindReport, type DecisionTypeReport, type FlagShare, type DetectionDelay,
  type EventRef, type DecisionRef, type AlertRef, type Source,
} from './eval.js';
export { formatEvalTable } from './eval-format.js';
export { attackParams, lookalikeParams, benignParams, populationParams, incidentsPerWeek } from './params.js';
