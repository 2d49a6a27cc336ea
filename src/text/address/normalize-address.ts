// Address normalisation: one canonical key for the many ways one door is written, and a
// vagueness score. The key links accounts in the identity graph; the score feeds the
// reverse-brushing detector. See docs/text/address.md.
import type { Address } from '../../contract/index.js';
import { ESTATE_DROPPABLE_ENDINGS, PLACEHOLDERS } from './lexicon.js';
import { fold } from './fold.js';
import { convertNumerals } from './numerals.js';
import { hasSeeNote, parseDetail, type DetailParts } from './parse-detail.js';
import { resolveRegion, stripRegionPrefix, type ResolvedRegion } from './region.js';
import { scoreVagueness, type VaguenessReason } from './vagueness.js';

/** An address read into its parts, with its key and how vague it is. */
export interface NormalizedAddress {
  /** Canonical string: the same place written differently gives the same key (format in docs). */
  key: string;
  province: string;
  city: string;
  district?: string;
  road?: string;
  roadNo?: string;
  building?: string;
  unit?: string;
  floor?: string;
  room?: string;
  /** The named place: estate, tower, campus, mall, square. */
  landmark?: string;
  /** What is left after the door or near a landmark: notes, vicinity words, directions. */
  rest?: string;
  /** 0 names a door, 1 names nothing. */
  vagueness: number;
  /** vagueness >= VAGUE_THRESHOLD (0.6). */
  vague: boolean;
  reasons: VaguenessReason[];
}

/** Marks the key of a vague address, so that a caller holding only the key can skip it. */
export const VAGUE_KEY_PREFIX = '~';

const PLACEHOLDER_SET = new Set(PLACEHOLDERS);
const REPEATED_CHAR = /^(.)\1*$/;
const SPACES = / /g;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

interface Parsed { region: ResolvedRegion; parts: DetailParts; district: string | undefined; detailChars: number; placeholder: boolean }

function parse(a: Address): Parsed {
  const region = resolveRegion(str(a.province), str(a.city), str(a.district));
  const stripped = stripRegionPrefix(fold(str(a.detail)), region);
  const compact = stripped.rest.includes(' ') ? stripped.rest.replace(SPACES, '') : stripped.rest;
  const placeholder = PLACEHOLDER_SET.has(compact) || (compact.length > 0 && compact.length < 6 && REPEATED_CHAR.test(compact));
  // A placeholder names nothing: keep it as the rest, not as a place.
  const parts = parseDetail(placeholder ? '' : convertNumerals(stripped.rest));
  if (placeholder) { parts.rest = compact; parts.seeNote = hasSeeNote(compact); }
  return { region, parts, district: region.district ?? stripped.district, detailChars: compact.length, placeholder };
}

/** 阳光花园小区 → 阳光花园, keeping at least two characters of name. */
function withoutDroppableEnding(name: string): string {
  for (const end of ESTATE_DROPPABLE_ENDINGS) {
    if (name.length >= end.length + 2 && name.endsWith(end)) return name.slice(0, name.length - end.length);
  }
  return name;
}

function keyOf(p: Parsed, vague: boolean): string {
  const { parts, region } = p;
  let place = parts.landmark === undefined ? '' : withoutDroppableEnding(parts.landmark);
  if (place === '' && parts.road !== undefined) place = parts.roadNo === undefined ? parts.road : `${parts.road}${parts.roadNo}号`;
  let door = '';
  if (parts.building !== undefined) door += `${parts.building}栋`;
  if (parts.unit !== undefined) door += `${parts.unit}单元`;
  // 5楼501 and 501室 are one door: a floor the room number already carries is left out.
  const floor = parts.floor;
  if (floor !== undefined && !(parts.room !== undefined && parts.room.length > floor.length && parts.room.startsWith(floor))) door += `${floor}层`;
  if (parts.room !== undefined) door += `${parts.room}室`;
  return `${vague ? VAGUE_KEY_PREFIX : ''}${region.provinceShort}|${region.cityShort}|${place}|${door}`;
}

/**
 * The canonical key of an address: `浙江|杭州|阳光花园|3栋2单元501室`, prefixed with `~` when the
 * address is vague. Fast path for every order; never throws.
 */
export function addressKey(a: Address): string {
  const p = parse(a);
  return keyOf(p, scoreVagueness(p.parts, p.detailChars, p.placeholder).vague);
}

/** The canonical key of an address and whether it is vague, as the pipeline's address keyer wants them. */
export function keyAddress(a: Address): { key: string; vague: boolean } {
  const key = addressKey(a);
  return { key, vague: key.startsWith(VAGUE_KEY_PREFIX) };
}

/** An address read into province, city, district, road, door and named place, with its key and vagueness. */
export function normalizeAddress(a: Address): NormalizedAddress {
  const p = parse(a);
  const v = scoreVagueness(p.parts, p.detailChars, p.placeholder);
  const out: NormalizedAddress = {
    key: keyOf(p, v.vague), province: p.region.province, city: p.region.city,
    vagueness: v.score, vague: v.vague, reasons: v.reasons,
  };
  if (p.district !== undefined) out.district = p.district;
  const { road, roadNo, building, unit, floor, room, landmark, rest } = p.parts;
  if (road !== undefined) out.road = road;
  if (roadNo !== undefined) out.roadNo = roadNo;
  if (building !== undefined) out.building = building;
  if (unit !== undefined) out.unit = unit;
  if (floor !== undefined) out.floor = floor;
  if (room !== undefined) out.room = room;
  if (landmark !== undefined) out.landmark = landmark;
  if (rest !== undefined) out.rest = rest;
  return out;
}
