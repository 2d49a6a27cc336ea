// How far an address is from a door a courier can knock on. The score is the level of the most
// specific thing the address names (lexicon.ts VAGUENESS), raised by "see the note" and by a
// detail too short or a placeholder; `vague` is score >= VAGUE_THRESHOLD.
import { MIN_DETAIL_CHARS, VAGUE_THRESHOLD, VAGUENESS } from './lexicon.js';
import type { DetailParts } from './parse-detail.js';

/** Why an address counts as (partly) vague. */
export type VaguenessReason = 'no_building' | 'no_room' | 'landmark_only' | 'see_note' | 'road_only' | 'too_short';

/** A vagueness score in [0, 1], the verdict at the threshold, and the reasons in a fixed order. */
export interface Vagueness { readonly score: number; readonly vague: boolean; readonly reasons: VaguenessReason[] }

/**
 * The vagueness of a parsed detail. `detailChars` counts the characters of the detail after its
 * region names, without spaces; `placeholder` says the whole detail is a placeholder (无, 不详).
 */
export function scoreVagueness(p: DetailParts, detailChars: number, placeholder: boolean): Vagueness {
  const reasons: VaguenessReason[] = [];
  const hasRoom = p.room !== undefined;
  const hasBuilding = p.building !== undefined || p.unit !== undefined;
  const hasDoor = hasRoom || hasBuilding || p.floor !== undefined;
  let score: number;
  if (hasRoom && (hasBuilding || p.floor !== undefined)) score = VAGUENESS.door;
  else if (hasRoom) { score = VAGUENESS.roomOnly; reasons.push('no_building'); }
  else if (hasBuilding) { score = VAGUENESS.buildingOnly; reasons.push('no_room'); }
  else if (p.floor !== undefined) { score = VAGUENESS.floorOnly; reasons.push('no_building', 'no_room'); }
  else {
    reasons.push('no_building', 'no_room');
    if (p.near || p.publicPlace) {
      score = p.roadNo !== undefined && p.landmark === undefined ? VAGUENESS.nearRoadNumber : VAGUENESS.landmark;
      reasons.push('landmark_only');
    } else if (p.landmark !== undefined) { score = VAGUENESS.namedPlace; reasons.push('landmark_only'); }
    else if (p.roadNo !== undefined) score = VAGUENESS.roadNumber;
    else if (p.road !== undefined) { score = VAGUENESS.roadOnly; reasons.push('road_only'); }
    else score = VAGUENESS.nothing;
  }
  if (p.seeNote) {
    score = hasDoor ? score + VAGUENESS.noteWithDoor : VAGUENESS.nothing;
    reasons.push('see_note');
  }
  if (placeholder || (!hasDoor && detailChars < MIN_DETAIL_CHARS)) {
    score = VAGUENESS.nothing;
    reasons.push('too_short');
  }
  score = Math.min(1, Math.max(0, Math.round(score * 100) / 100));
  return { score, vague: score >= VAGUE_THRESHOLD, reasons };
}
