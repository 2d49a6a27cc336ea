// How a message is shown in an alert's evidence: its id, channel and time, the text as the text
// module normalised it (simplified script, half-width, fillers gone: what an analyst can search
// for), and the lexicon terms that made it count. Shared by the detectors that read messages.
import type { EventOf } from '../contract/index.js';
import type { LexiconName, TextAnalysis } from '../text/index.js';

/** One message as evidence. */
export interface MessageEvidence {
  id: string;
  channel: string;
  time: string;
  /** The normalised text (its spaced form), cut at MAX_TEXT_CHARS; absent for a call with no note. */
  text?: string;
  /** Lexicon terms found, for the lexicons that matter to the detector. */
  cues?: Partial<Record<LexiconName, string[]>>;
}

/** Characters of a text kept: a message long enough to hide a threat in is still cut, never dropped. */
const MAX_TEXT_CHARS = 200;

/** The evidence of message `e`, with the cues of `lexicons` that `analysis` found. */
export function messageEvidence(e: EventOf<'message.sent'>, analysis: Readonly<TextAnalysis> | undefined,
  lexicons: readonly LexiconName[]): MessageEvidence {
  const out: MessageEvidence = { id: e.data.message_id, channel: e.data.channel, time: e.time };
  if (!analysis) return out;
  const text = analysis.text.spaced;
  out.text = text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS)}…` : text;
  let cues: Partial<Record<LexiconName, string[]>> | undefined;
  for (const name of lexicons) {
    const found = analysis.cues[name];
    if (found) (cues ??= {})[name] = found;
  }
  if (cues) out.cues = cues;
  return out;
}
