// Reads the detail line of an address (already folded, without its region names, numerals in
// digits) into road, number, named place, door and the rest. The door is the last run of numbers
// with door words (3栋2单元501室, 3-2-501, 3#2-501, 5号楼512); 号 and 楼 are decided by what
// stands around them, as documented on `classifyDoor`.
import {
  DOOR_MARKERS, JUNCTION_WORDS, PUBLIC_PLACE_ENDINGS, ROAD_SUFFIXES, SEE_NOTE_PHRASES, VICINITY_WORDS,
  ESTATE_SUFFIXES, type DoorMarkerKind,
} from './lexicon.js';

/** A number with the door word after it (`bare` when none). */
interface Tok { value: string; kind: DoorMarkerKind | 'bare'; word: string; sep: 'none' | 'space' | 'dash' }
type Segment = { text: string; toks?: undefined } | { text?: undefined; toks: Tok[] };

/** The parts of a detail line. Strings are folded; door numbers have no leading zeros. */
export interface DetailParts {
  road: string | undefined;
  roadNo: string | undefined;
  building: string | undefined;
  unit: string | undefined;
  floor: string | undefined;
  room: string | undefined;
  /** The named place: estate, tower, campus, mall, square. */
  landmark: string | undefined;
  rest: string | undefined;
  /** A vicinity word (附近, 门口, 路口) or a junction of two roads. */
  near: boolean;
  /** The named place, if any, is a public one (广场, 地铁站, 医院). */
  publicPlace: boolean;
  seeNote: boolean;
}

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const alternation = (words: readonly string[]) => [...words].sort(byLengthDesc).map(escape).join('|');
function escape(w: string): string { return w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'); }

const MARKER_KIND = new Map<string, DoorMarkerKind>(DOOR_MARKERS);
const TOKEN = new RegExp(`([A-Z]?\\d+(?:[A-EG-Z](?![A-Z]))?|[A-Z])(?: ?(${alternation(DOOR_MARKERS.map(([w]) => w))}))?`, 'y');
const ROAD = new RegExp(`^[^\\s\\d-]{2,10}?(?:${ROAD_SUFFIXES.map((s) => (s === '街' ? '街(?!道)' : s)).join('|')})`);
const VICINITY = new RegExp(alternation(VICINITY_WORDS));
const SEE_NOTE = new RegExp(alternation(SEE_NOTE_PHRASES));
const SEE_NOTE_ALL = new RegExp(alternation(SEE_NOTE_PHRASES), 'g');
const PUBLIC_ENDING = new RegExp(`(?:${alternation(PUBLIC_PLACE_ENDINGS)})$`);
const NAME_ENDING = new RegExp(`^(?:[^\\s\\d]{2,}(?:${alternation(ESTATE_SUFFIXES)}|${alternation(PUBLIC_PLACE_ENDINGS)}))`);
const LEADING_ZEROS = /^0+(?=\d)/;
/** Bare digit runs this long are phone or order numbers, never part of a door. */
const MIN_NON_DOOR_DIGITS = 6;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;

/** Whether a pending run of text between tokens is only spaces and dashes (a separator). */
function isSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x2d) return false;
  }
  return true;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i))) return true;
  return false;
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

function scan(text: string): Segment[] {
  const segs: Segment[] = [];
  // Text between tokens is always one stretch of the input: text.slice(from, i).
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || (isUpper(c) && (i === 0 || !isUpper(text.charCodeAt(i - 1))))) {
      TOKEN.lastIndex = i;
      const m = TOKEN.exec(text);
      const value = m?.[1];
      const word = m?.[2];
      if (value !== undefined && (word !== undefined || hasDigit(value)) &&
        !(word === undefined && value.length >= MIN_NON_DOOR_DIGITS && allDigits(value))) {
        let sep: Tok['sep'] = 'none';
        if (i > from) {
          const pending = text.slice(from, i);
          if (isSeparator(pending)) sep = pending.includes('-') ? 'dash' : 'space';
          else segs.push({ text: pending });
        }
        const tok: Tok = {
          value: value.charCodeAt(0) === 0x30 ? value.replace(LEADING_ZEROS, '') : value,
          kind: word === undefined ? 'bare' : MARKER_KIND.get(word)!, word: word ?? '', sep,
        };
        const last = segs[segs.length - 1];
        if (last?.toks) last.toks.push(tok);
        else segs.push({ toks: [tok] });
        i = from = TOKEN.lastIndex;
        continue;
      }
      if (value !== undefined && allDigits(value)) { i += value.length; continue; }
    }
    i++;
  }
  if (i > from) {
    const pending = text.slice(from, i);
    if (!isSeparator(pending)) segs.push({ text: pending });
  }
  return segs;
}

const isStrong = (t: Tok) => t.kind !== 'number' && t.kind !== 'compound';
const render = (toks: readonly Tok[]) => toks.map((t) => t.value + t.word).join('');

/**
 * The road number at the start of the run straight after a road, and how many tokens it took:
 * 88号, 1号院, 123弄, 88-3号, or a bare 88 that is not the start of a 3-2-501 group.
 */
function takeRoadNo(toks: readonly Tok[]): [string | undefined, number] {
  const first = toks[0];
  if (!first) return [undefined, 0];
  if (first.kind === 'number' || first.kind === 'compound') return [first.value, 1];
  if (first.kind !== 'bare') return [undefined, 0];
  let j = 1;
  while (j < toks.length && toks[j]!.sep === 'dash' && toks[j - 1]!.kind === 'bare') j++;
  const last = toks[j - 1]!;
  if (j > 1) return last.kind === 'number' || last.kind === 'compound' ? [toks.slice(0, j).map((t) => t.value).join('-'), j] : [undefined, 0];
  return [first.value, 1];
}

interface Door { building?: string; unit?: string; floor?: string; room?: string }
const append = (a: string | undefined, b: string) => (a === undefined ? b : `${a}-${b}`);

/**
 * Assigns the numbers of the door run. Separator groups: 3-2-501 is building, unit, room;
 * 3-501 building and room; after a building, 2-501 is unit and room. 楼 names a building when a
 * unit or floor follows (3楼2单元) and a floor otherwise; before a room it is the floor only when
 * the room starts with its number (5楼501 is floor 5, 3楼501 is building 3). 号 after a
 * building, unit or floor is the room (15层12号); before a unit, floor or room it is the
 * building (3号2单元, 5号301室); alone it is the building (阳光花园12号, a house).
 */
function classifyDoor(toks: readonly Tok[]): Door {
  const d: Door = {};
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const next = toks[k + 1];
    switch (t.kind) {
      case 'bare': {
        let j = k + 1;
        while (j < toks.length && toks[j]!.sep !== 'none' && (toks[j]!.kind === 'bare' ||
          (toks[j]!.sep === 'dash' && (toks[j]!.kind === 'room' || toks[j]!.kind === 'number')))) j++;
        const group = toks.slice(k, j).map((x) => x.value);
        if (group.length > 1) {
          k = j - 1;
          if (d.building === undefined) {
            d.building = group[0];
            if (group.length >= 3) { d.unit = group[1]; d.room = group.slice(2).join('-'); } else d.room = group[1];
          } else if (d.unit === undefined) {
            d.unit = group[0];
            d.room = append(d.room, group.slice(1).join('-'));
          } else d.room = append(d.room, group.join('-'));
        } else if (d.building !== undefined || d.unit !== undefined || d.floor !== undefined) {
          d.room = append(d.room, t.value);
        } else if (next && (next.kind === 'room' || next.kind === 'unit' || next.kind === 'unitGate' || next.kind === 'floor')) {
          d.building = t.value;
        } else if (!next && t.value.length >= 3) {
          d.room = append(d.room, t.value);
        } else {
          d.building = append(d.building, t.value);
        }
        break;
      }
      case 'building': d.building = append(d.building, t.value); break;
      case 'unit': case 'unitGate': d.unit = append(d.unit, t.value); break;
      case 'floor': d.floor = t.value; break;
      case 'room': d.room = append(d.room, t.value); break;
      case 'floorOrBuilding': {
        let building: boolean;
        if (next && (next.kind === 'unit' || next.kind === 'unitGate' || next.kind === 'floor' || next.kind === 'floorOrBuilding')) building = d.building === undefined;
        else if (d.building !== undefined) building = false;
        else if (next && (next.kind === 'room' || next.kind === 'number' || next.kind === 'bare')) {
          const grouped = toks[k + 2]?.sep === 'dash';
          building = grouped || !(next.value.startsWith(t.value) && next.value.length > t.value.length);
        } else building = false;
        if (building) d.building = t.value; else d.floor = t.value;
        break;
      }
      case 'number': {
        if (d.building === undefined && next && next.kind !== 'building') d.building = t.value;
        else if (d.building !== undefined || d.unit !== undefined || d.floor !== undefined) d.room = append(d.room, t.value);
        else d.building = append(d.building, t.value);
        break;
      }
      case 'compound': d.building = append(d.building, t.value); break;
      default: {
        const never: never = t.kind;
        throw new Error(`unhandled door marker kind ${String(never)}`);
      }
    }
  }
  return d;
}

/** Whether the text says "see the note" or "call on arrival" (lexicon.ts SEE_NOTE_PHRASES). */
export function hasSeeNote(text: string): boolean {
  return SEE_NOTE.test(text);
}

/** The parts of a detail line that has been folded, stripped of its region and numeral-converted. */
export function parseDetail(text: string): DetailParts {
  const segs = scan(text);
  const parts: DetailParts = {
    road: undefined, roadNo: undefined, building: undefined, unit: undefined, floor: undefined, room: undefined,
    landmark: undefined, rest: undefined, near: false, publicPlace: false, seeNote: false,
  };

  // Road at the start, if what follows it shows it is a road and not the start of a name.
  let afterRoad = -1;
  let junction = false;
  const first = segs[0];
  if (first?.text !== undefined) {
    const lead = first.text.trimStart();
    const m = ROAD.exec(lead);
    if (m) {
      const rem = lead.slice(m[0].length).trimStart();
      junction = JUNCTION_WORDS.some((w) => rem.startsWith(w));
      const accept = rem === '' || junction || rem.startsWith('口') || VICINITY.exec(rem)?.index === 0 ||
        NAME_ENDING.test(rem.replace(VICINITY, ' ').split(' ')[0]!);
      if (accept) {
        parts.road = m[0];
        if (rem === '') { segs.shift(); afterRoad = 0; } else first.text = rem;
      }
    }
  }

  let doorIdx = -1;
  for (let k = segs.length - 1; k >= 0; k--) {
    const toks = segs[k]!.toks;
    if (toks && (k === segs.length - 1 || toks.some(isStrong))) { doorIdx = k; break; }
  }

  let place = '';
  let rest = '';
  let doorToks: Tok[] = [];
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k]!;
    if (seg.toks === undefined) {
      if (doorIdx >= 0 && k > doorIdx) rest += seg.text; else place += seg.text;
      continue;
    }
    let toks = seg.toks;
    if (k === afterRoad) {
      const [no, used] = takeRoadNo(toks);
      parts.roadNo = no;
      toks = toks.slice(used);
    }
    if (k === doorIdx) {
      let lead = 0;
      while (lead < toks.length && toks[lead]!.kind === 'compound') lead++;
      place += render(toks.slice(0, lead));
      doorToks = toks.slice(lead);
    } else if (doorIdx >= 0 && k > doorIdx) rest += render(toks);
    else place += render(toks);
  }

  const door = classifyDoor(doorToks);
  parts.building = door.building;
  parts.unit = door.unit;
  parts.floor = door.floor;
  parts.room = door.room;

  place = place.replace(/[ -]/g, '');
  rest = rest.replace(/ /g, '');
  parts.seeNote = SEE_NOTE.test(place) || SEE_NOTE.test(rest);
  if (parts.seeNote) place = place.replace(SEE_NOTE_ALL, '');
  if (junction || (parts.road !== undefined && place.startsWith('口'))) {
    parts.near = true;
    rest = place + rest;
    place = '';
  } else {
    const v = VICINITY.exec(place);
    if (v) {
      parts.near = true;
      rest = place.slice(v.index) + rest;
      place = place.slice(0, v.index);
    }
  }
  if (place !== '') {
    parts.landmark = place;
    parts.publicPlace = PUBLIC_ENDING.test(place);
  }
  if (rest !== '') parts.rest = rest;
  return parts;
}
