// Provinces, cities and districts: canonical names for what an order's fields say (浙江 →
// 浙江省, 北京 as province and city), short forms for the key, and the prefixes a detail often
// repeats (浙江省杭州市西湖区文三路...), to strip before reading the rest.
import { REGIONS } from './data/regions.js';
import { fold } from './fold.js';
import { ESTATE_SUFFIXES, ROAD_SUFFIXES, SUBDISTRICT_SUFFIXES } from './lexicon.js';

interface District { readonly name: string; readonly short: string }
interface City { readonly name: string; readonly short: string; readonly province: Province; readonly districts: readonly District[]; readonly byDistrict: ReadonlyMap<string, District> }
interface Province { readonly name: string; readonly short: string; readonly cities: City[]; readonly byCity: Map<string, City> }

/**
 * A place name a detail may open with, the levels it names as a bit set (1 province, 2 city,
 * 4 district: 北京 is both province and city), and whether, being a short form, it may be
 * stripped only where a name cannot go on (see shortPrefixEnds).
 */
interface Prefix { readonly text: string; levels: number; readonly district: string | undefined; readonly short: boolean }

/** What an address's province, city and district fields resolve to. */
export interface ResolvedRegion {
  readonly province: string;
  readonly provinceShort: string;
  readonly city: string;
  readonly cityShort: string;
  readonly district: string | undefined;
  /** Prefixes by their first character, longest first. */
  readonly prefixes: ReadonlyMap<string, readonly Readonly<Prefix>[]>;
}

const DISTRICT_ENDING = /(?:区|县|市|旗)$/;
const PROVINCE_ENDING = /(?:省|市|特别行政区|(?:壮族|回族|维吾尔)?自治区)$/;
const CITY_ENDING = /(?:市|地区|盟|自治州)$/;
const MUNICIPAL_CITY_WORDS = new Set(['', '市辖区', '县', '城区', '市区']);

function shortOf(name: string, ending: RegExp): string {
  const s = name.replace(ending, '');
  return s.length >= 2 ? s : name;
}

const PROVINCES = new Map<string, Province>();
const CITIES = new Map<string, City[]>();
for (const [pName, pShort, cities] of REGIONS) {
  const province: Province = { name: pName, short: pShort, cities: [], byCity: new Map() };
  PROVINCES.set(pName, province);
  PROVINCES.set(pShort, province);
  for (const [cName, cShort, ds] of cities) {
    const districts = ds === '' ? [] : ds.split(' ').map((d) => ({ name: d, short: shortOf(d, DISTRICT_ENDING) }));
    const byDistrict = new Map<string, District>();
    for (const d of districts) { byDistrict.set(d.name, d); if (!byDistrict.has(d.short)) byDistrict.set(d.short, d); }
    const city: City = { name: cName, short: cShort, province, districts, byDistrict };
    province.cities.push(city);
    for (const key of new Set([cName, cShort])) {
      province.byCity.set(key, city);
      CITIES.set(key, [...(CITIES.get(key) ?? []), city]);
    }
  }
}

function findProvince(folded: string): Province | undefined {
  return PROVINCES.get(folded) ?? PROVINCES.get(shortOf(folded, PROVINCE_ENDING));
}

function findCity(province: Province | undefined, folded: string): City | undefined {
  if (province) {
    const c = province.byCity.get(folded) ?? province.byCity.get(shortOf(folded, CITY_ENDING));
    if (c) return c;
    // A municipality's one city, named by the province again, by 市辖区, or left empty.
    if (province.cities.length === 1 && MUNICIPAL_CITY_WORDS.has(folded)) return province.cities[0];
    return undefined;
  }
  const found = CITIES.get(folded) ?? CITIES.get(shortOf(folded, CITY_ENDING));
  return found?.length === 1 ? found[0] : undefined;
}

function resolve(provinceRaw: string, cityRaw: string, districtRaw: string): ResolvedRegion {
  const p = fold(provinceRaw).replace(/ /g, '');
  let c = fold(cityRaw).replace(/ /g, '');
  let d = fold(districtRaw).replace(/ /g, '');
  let province = p === '' ? undefined : findProvince(p);
  let city = findCity(province, c);
  if (!city && province && province.cities.length === 1) {
    // Some forms put a municipality's district in the city field: 北京市 / 朝阳区.
    const only = province.cities[0]!;
    if (only.byDistrict.has(c)) { if (d === '') d = c; c = only.name; city = only; }
  }
  if (!province && city) province = city.province;
  const district = d === '' ? undefined : (city?.byDistrict.get(d)?.name ?? d);

  const prefixes: Prefix[] = [];
  const add = (text: string, level: 0 | 1 | 2, short: boolean, districtName?: string) => {
    if (text.length < 2) return;
    const same = prefixes.find((x) => x.text === text);
    if (same) same.levels |= 1 << level;
    else prefixes.push({ text, levels: 1 << level, district: districtName, short });
  };
  const provinceName = province?.name ?? p;
  const cityName = city?.name ?? (c === '' && province?.cities.length === 1 ? province.cities[0]!.name : c);
  add(provinceName, 0, false);
  add(province?.short ?? shortOf(p, PROVINCE_ENDING), 0, true);
  add(cityName, 1, false);
  add(city?.short ?? shortOf(c, CITY_ENDING), 1, true);
  if (district !== undefined) { add(district, 2, false, district); add(shortOf(district, DISTRICT_ENDING), 2, true, district); }
  for (const dd of city?.districts ?? []) { add(dd.name, 2, false, dd.name); add(dd.short, 2, true, dd.name); }
  prefixes.sort((a, b) => b.text.length - a.text.length);
  const byFirst = new Map<string, Prefix[]>();
  for (const x of prefixes) byFirst.set(x.text[0]!, [...(byFirst.get(x.text[0]!) ?? []), x]);

  return {
    province: provinceName,
    provinceShort: province?.short ?? shortOf(p, PROVINCE_ENDING),
    city: cityName,
    cityShort: city?.short ?? (c === '' && province?.cities.length === 1 ? province.cities[0]!.short : shortOf(c, CITY_ENDING)),
    district,
    prefixes: byFirst,
  };
}

// Resolutions by the raw field values. Real traffic has a few thousand distinct triples; the cap
// keeps arbitrary input from growing the cache without bound.
const CACHE_LIMIT = 20_000;
let cache = new Map<string, Map<string, Map<string, ResolvedRegion>>>();
let cached = 0;

/** The canonical region of an address's province, city and district fields (cached). */
export function resolveRegion(province: string, city: string, district: string): ResolvedRegion {
  let byCity = cache.get(province);
  let byDistrict = byCity?.get(city);
  const hit = byDistrict?.get(district);
  if (hit) return hit;
  const r = resolve(province, city, district);
  if (cached >= CACHE_LIMIT) { cache = new Map(); cached = 0; byCity = undefined; byDistrict = undefined; }
  if (!byCity) { byCity = new Map(); cache.set(province, byCity); }
  if (!byDistrict) { byDistrict = new Map(); byCity.set(city, byDistrict); }
  byDistrict.set(district, r);
  cached++;
  return r;
}

const ROAD_AHEAD = new RegExp(`^[^\\s\\d-]{2,8}?(?:${ROAD_SUFFIXES.join('|')})`);
const SUBDISTRICT_AHEAD = new RegExp(`^[^\\s\\d-]{2,6}?(?:${SUBDISTRICT_SUFFIXES.join('|')})`);
const SUBDISTRICT = new RegExp(`^[^\\s\\d-]{2,6}?(?:${SUBDISTRICT_SUFFIXES.join('|')})(?=[^\\s\\d])`);

/**
 * Whether a short region name (杭州, 西湖) at `end` of `text` is a prefix and not the start of a
 * longer name (浙江大学, 杭州湾, 江西大道): it must stand before a space, another region name,
 * a subdistrict or a road of its own.
 */
function shortPrefixEnds(text: string, end: number, region: ResolvedRegion): boolean {
  if (end === text.length || text.charCodeAt(end) === 0x20) return true;
  if (region.prefixes.get(text[end]!)?.some((x) => text.startsWith(x.text, end))) return true;
  const ahead = text.slice(end, end + 12);
  return ROAD_AHEAD.test(ahead) || SUBDISTRICT_AHEAD.test(ahead);
}

/** Where the detail starts after the region names it repeats, and the district it names, if any. */
export interface StrippedDetail { readonly rest: string; readonly district: string | undefined }

interface Chain { readonly end: number; readonly district: string | undefined }
const NO_CHAIN: Chain = { end: -1, district: undefined };

/**
 * The region names at `at`, each level at most once, that reach furthest into the detail:
 * 青岛市南区 is 青岛 + 市南区, not 青岛市 + 南区.
 */
function longestChain(detail: string, at: number, seen: number, region: ResolvedRegion, depth: number): Chain {
  let best = NO_CHAIN;
  if (depth === 3) return best;
  const i = detail.charCodeAt(at) === 0x20 ? at + 1 : at;
  const candidates = region.prefixes.get(detail[i] ?? '');
  if (!candidates) return best;
  for (const p of candidates) {
    if ((p.levels & ~seen) === 0 || !detail.startsWith(p.text, i)) continue;
    const end = i + p.text.length;
    if (p.short && !shortPrefixEnds(detail, end, region)) continue;
    const unseen = p.levels & ~seen;
    const more = longestChain(detail, end, seen | (unseen & -unseen), region, depth + 1);
    const reach = more === NO_CHAIN ? end : more.end;
    if (reach > best.end) best = { end: reach, district: more.district ?? p.district };
  }
  return best;
}

/**
 * The folded detail without the province, city and district names it opens with (each level
 * at most once, in any order), and without a leading subdistrict or town (北山街道, 长安镇).
 */
export function stripRegionPrefix(detail: string, region: ResolvedRegion): StrippedDetail {
  const chain = longestChain(detail, 0, 0, region, 0);
  let at = chain === NO_CHAIN ? 0 : chain.end;
  if (detail.charCodeAt(at) === 0x20) at++;
  const sub = SUBDISTRICT.exec(detail.slice(at, at + 12));
  if (sub && !startsWithAny(detail, at + sub[0].length, ESTATE_SUFFIXES) && at + sub[0].length < detail.length) {
    at += sub[0].length;
    if (detail.charCodeAt(at) === 0x20) at++;
  }
  return { rest: at === 0 ? detail : detail.slice(at), district: chain.district };
}

function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}
