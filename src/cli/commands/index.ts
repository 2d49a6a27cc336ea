// The registry of CLI commands: each module exports one function that adds its command.
import type { Command } from 'commander';
import { registerReplay } from './replay.js';
import { registerServe } from './serve.js';
import { registerKeys } from './keys.js';
import { registerSchema } from './schema.js';
import { registerSimulate } from './simulate.js';
import { registerEval } from './eval.js';
import { registerDemo } from './demo.js';
import { registerLinks } from './links.js';
import { registerExport } from './export.js';
import { registerPublish } from './publish.js';
import { registerWorker } from './worker.js';
import { registerBacktest } from './backtest.js';
import { registerEvidence } from './evidence.js';
import { registerLists } from './lists.js';
import { registerAlliance } from './alliance.js';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerReplay,
  registerServe,
  registerKeys,
  registerSchema,
  registerSimulate,
  registerEval,
  registerDemo,
  registerLinks,
  registerExport,
  registerPublish,
  registerWorker,
  registerBacktest,
  registerEvidence,
  registerLists,
  registerAlliance,
];
