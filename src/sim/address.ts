// Delivery addresses: full ones (province, city, district, road, estate, building, unit, room),
// vague ones that stop at a road or a landmark, campus dormitories, and the many ways one door
// can be written (what scalpers do to get round a per-address limit).
import type { Address } from '../contract/index.js';
import { CAMPUSES, ESTATES, LANDMARKS, OFFICE_TOWERS, PROVINCES, ROADS, type City, type Province } from './corpus/geo.js';
import { GIVEN_NAMES, NAME_FORMS, SURNAMES } from './corpus/names.js';
import { toChineseDigits, toChineseNumber, toFullWidth } from './corpus/script.js';
import type { Rng } from './rng.js';

/** A door broken into its parts, so that it can be written in several ways. */
export interface Door {
  province: string;
  city: string;
  district: string;
  road: string;
  roadNo: number;
  estate: string;
  building: number;
  unit: number;
  room: number;
}

const PROVINCE_WEIGHTS = PROVINCES.map((p) => [p, p.weight] as const);

/** A random region, weighted by shopping volume. */
export function region(rng: Rng): { p: Province; c: City; district: string } {
  const p = rng.weighted(PROVINCE_WEIGHTS);
  const c = rng.pick(p.cities);
  return { p, c, district: rng.pick(c.districts) };
}

/** A random full name. */
export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

/** A random door in a residential estate. */
export function door(rng: Rng): Door {
  const { p, c, district } = region(rng);
  const floor = rng.int(1, 28);
  return { province: p.province, city: c.city, district, road: rng.pick(ROADS), roadNo: rng.int(1, 999),
    estate: rng.pick(ESTATES), building: rng.int(1, 30), unit: rng.int(1, 6), room: floor * 100 + rng.int(1, 4) };
}

/** The usual way of writing a door: 人民路88号阳光花园3栋2单元501室. */
export function fullAddress(d: Door, recipient: string, phone: string): Address {
  return { province: d.province, city: d.city, district: d.district,
    detail: `${d.road}${d.roadNo}号${d.estate}${d.building}栋${d.unit}单元${d.room}室`, recipient, phone };
}

/** An office address, for buyers who get parcels at work. */
export function officeAddress(rng: Rng, recipient: string, phone: string): Address {
  const { p, c, district } = region(rng);
  return { province: p.province, city: c.city, district,
    detail: `${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.pick(OFFICE_TOWERS)}${rng.int(2, 40)}层${rng.int(1, 30)}${rng.pick(['室', '号', ''])}`,
    recipient, phone };
}

/**
 * An address that names no door: only a road, a landmark, or "see the note". Fake orders use them
 * because nobody has to receive the parcel.
 */
export function vagueAddress(rng: Rng, recipient: string, phone: string): Address {
  const { p, c, district } = region(rng);
  const road = rng.pick(ROADS);
  const forms = [
    () => `${road}附近`, () => `${road}`, () => '见备注', () => `${rng.pick(LANDMARKS)}`,
    () => `${rng.pick(LANDMARKS)}门口`, () => `${road}与${rng.pick(ROADS)}交叉口`, () => '到了打电话',
    () => `${district}${rng.pick(LANDMARKS)}旁边`, () => `${rng.pick(ESTATES)}附近`, () => `${road}口 见备注`,
  ];
  const detail = rng.pick(forms)();
  return rng.chance(0.3)
    ? { province: p.province, city: c.city, detail, recipient, phone }
    : { province: p.province, city: c.city, district, detail, recipient, phone };
}

/** A dormitory room on one campus. */
export function campusAddress(rng: Rng, campus: { name: string; province: string; city: string; district: string },
  recipient: string, phone: string): Address {
  return { province: campus.province, city: campus.city, district: campus.district,
    detail: `${campus.name}${rng.pick(['紫荆', '桃李', '学知', '清华', '博学'])}公寓${rng.int(1, 24)}号楼${rng.int(1, 6)}${rng.int(1, 2)}${rng.int(0, 9)}室`,
    recipient, phone };
}

/** A campus located in a random city. */
export function campus(rng: Rng): { name: string; province: string; city: string; district: string } {
  const { p, c, district } = region(rng);
  return { name: rng.pick(CAMPUSES), province: p.province, city: c.city, district };
}

/**
 * One of the ways a person writes the same door. Scalpers rotate through them so that a naive
 * string comparison sees different addresses: 3栋2单元501 / 三栋二单元501室 / 3-2-501 / ３栋２单元５０１.
 */
export function doorVariant(rng: Rng, d: Door, recipient: string, phone: string): Address {
  const { building: b, unit: u, room: r } = d;
  const road = rng.chance(0.5) ? `${d.road}${d.roadNo}号` : '';
  const forms = [
    () => `${road}${d.estate}${b}栋${u}单元${r}`,
    () => `${road}${d.estate}${toChineseNumber(b)}栋${toChineseNumber(u)}单元${r}室`,
    () => `${road}${d.estate}${b}-${u}-${r}`,
    () => `${road}${d.estate}${toFullWidth(`${b}`)}栋${toFullWidth(`${u}`)}单元${toFullWidth(`${r}`)}`,
    () => `${road}${d.estate}${b}号楼${u}单元${r}室`,
    () => `${d.estate} ${b}幢 ${u}单元 ${r}`,
    () => `${road}${d.estate}${b}栋${u}单元${toChineseDigits(`${r}`)}`,
    () => `${d.estate}${b}栋${r}（${u}单元）`,
  ];
  const detail = rng.pick(forms)();
  return rng.chance(0.7)
    ? { province: d.province, city: d.city, district: d.district, detail, recipient, phone }
    : { province: d.province, city: d.city, detail, recipient, phone };
}

/** A recipient name as scalpers vary it: full name, surname + 先生/女士, or a nickname. */
export function recipientVariant(rng: Rng, surname: string): string {
  return rng.chance(0.4) ? surname + rng.pick(GIVEN_NAMES) : surname + rng.pick(NAME_FORMS);
}
