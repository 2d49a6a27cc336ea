// A one-line progress display on standard error, only when it is a terminal.
import type { ReplayProgress } from '../app/index.js';

/** Returns a progress callback that redraws one line on a TTY, or nothing when stderr is not one. */
export function replayProgress(stream: NodeJS.WriteStream = process.stderr): { update?: (p: ReplayProgress) => void; done: () => void } {
  if (!stream.isTTY) return { done: () => {} };
  let lastDraw = 0;
  let drawn = false;
  return {
    update(p) {
      if (p.elapsedMs - lastDraw < 100) return;
      lastDraw = p.elapsedMs;
      const rate = p.elapsedMs > 0 ? Math.round((p.events * 1000) / p.elapsedMs) : 0;
      const width = 24;
      const spin = Math.floor(p.elapsedMs / 100) % width;
      const bar = Array.from({ length: width }, (_, i) => (i === spin ? '█' : '░')).join('');
      stream.write(`\r${bar} ${p.events.toLocaleString('en')} events  ${rate.toLocaleString('en')} ev/s  ${p.alerts} alerts `);
      drawn = true;
    },
    done() { if (drawn) stream.write('\n'); },
  };
}
