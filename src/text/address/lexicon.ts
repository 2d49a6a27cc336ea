// Word lists and weights for reading Chinese delivery addresses. Data only: the parser and the
// vagueness score read these, and a change here is a change of behaviour to review in the tests.
// Source: compiled by hand for Bulwark from the ways addresses are written on marketplace orders
// (national standard GB/T 23705 "address elements" names the same levels: road, number, building,
// unit, floor, room). Extend a list when a real case is missed, and add that case to the tests.

/** Chinese numeral digits, including the formal (大写) forms, 两 and the spoken 幺 for one. */
export const NUMERAL_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 幺: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};

/** Chinese numeral units. Addresses never need 万 (ten thousand) for a door. */
export const NUMERAL_UNITS: Readonly<Record<string, number>> = {
  十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000,
};

/**
 * A run of Chinese numerals becomes digits only next to a door word, so that place names keep
 * their characters (五一路, 三里屯, 第一人民医院). These are the first characters of the words
 * that may follow a number (栋, 号, 单元, 层, ...) ...
 */
export const NUMERAL_FOLLOWERS = '栋幢座号楼单层室房户弄期排#-F';
/** ... and the last characters of the door words a room or unit number may follow (单元五零一). */
export const NUMERAL_PRECEDERS = '栋幢座楼元层室房户#-';

/** Door words after a number, longest first, and the part of the door each one names. */
export const DOOR_MARKERS: readonly (readonly [word: string, kind: DoorMarkerKind])[] = [
  ['号楼', 'building'], ['号院', 'compound'], ['号房', 'room'], ['号室', 'room'], ['单元', 'unit'],
  ['栋', 'building'], ['幢', 'building'], ['座', 'building'], ['#', 'building'],
  ['层', 'floor'], ['F', 'floor'], ['楼', 'floorOrBuilding'],
  ['室', 'room'], ['房', 'room'], ['户', 'room'],
  ['号', 'number'], ['弄', 'compound'], ['门', 'unitGate'],
];

/**
 * What a door word names. `number` (号) and `floorOrBuilding` (楼) are decided by context;
 * `compound` (号院, 弄) is a courtyard or lane number that belongs with the road; `unitGate`
 * (2门) is a unit in northern usage, but only after a building.
 */
export type DoorMarkerKind = 'building' | 'compound' | 'unit' | 'floor' | 'floorOrBuilding' | 'room' | 'number' | 'unitGate';

/** Road name endings, tried at each length from the shortest name up. 街道 is a subdistrict. */
export const ROAD_SUFFIXES: readonly string[] = ['大道', '大街', '胡同', '路', '街', '巷', '道'];

/** Subdistrict and town endings that may open a detail before the road (北山街道, 长安镇). */
export const SUBDISTRICT_SUFFIXES: readonly string[] = ['街道', '镇', '乡'];

/**
 * Endings of estate, tower and campus names. A road is split off a name only when something
 * longer than one of these follows it, so 丝路花园 stays one name while 人民路阳光花园 splits.
 */
export const ESTATE_SUFFIXES: readonly string[] = [
  '花园', '家园', '小区', '社区', '新村', '公寓', '大厦', '中心', '广场', '公馆', '名都', '国际', '新城',
  '苑', '园', '城', '府', '湾', '居', '庭', '郡', '里', '村', '院', '坊', '楼',
];

/** A trailing word that a key drops from an estate name: 阳光花园小区 and 阳光花园 are one place. */
export const ESTATE_DROPPABLE_ENDINGS: readonly string[] = ['小区'];

/**
 * Words that point near a place rather than at a door. Any of them in the place part makes the
 * address a landmark address (人民路88号附近, 学校门口, 文三路与学院路交叉口).
 */
export const VICINITY_WORDS: readonly string[] = [
  '附近', '旁边', '旁', '对面', '周边', '一带', '门口', '路口', '交叉口', '交界', '楼下', '后面', '前面',
  '东侧', '西侧', '南侧', '北侧', '边上',
];

/** Words that join two roads at a junction: 文三路与学院路. */
export const JUNCTION_WORDS: readonly string[] = ['与', '和', '及', '跟', '交'];

/**
 * Endings of public places: a parcel sent to one of these names no door (万达广场, 地铁站,
 * 实验小学). Brand names of the largest chains are listed because buyers write them alone.
 */
export const PUBLIC_PLACE_ENDINGS: readonly string[] = [
  '广场', '商场', '商城', '超市', '市场', '步行街', '地铁站', '火车站', '汽车站', '客运站', '高铁站', '车站',
  '站', '机场', '码头', '学校', '小学', '中学', '大学', '学院', '幼儿园', '医院', '卫生院', '诊所', '公园',
  '银行', '酒店', '宾馆', '饭店', '书店', '政府', '管委会', '派出所', '体育中心', '体育馆', '图书馆', '大学城',
  '口', '沃尔玛', '大润发', '家乐福', '万达', '肯德基', '麦当劳', '星巴克',
];

/**
 * Phrases that send the courier elsewhere for the address: "see the note", "call on arrival".
 * Matched anywhere in the detail.
 */
export const SEE_NOTE_PHRASES: readonly string[] = [
  '详见备注', '见备注', '看备注', '备注', '到了打电话', '到了电话', '到了联系', '打电话', '电话联系',
  '联系我', '联系收件人', '随便',
];

/** Whole details that are placeholders, compared after normalisation (upper-case ASCII). */
export const PLACEHOLDERS: readonly string[] = [
  '无', '不详', '未知', '暂无', '空', '待定', '同上', '保密', '随便', '地址', '详细地址', '测试', '无地址',
  'NA', 'N/A', 'NULL', 'NONE', 'TEST', 'X', 'XX', 'XXX', '123', '1234', '111', '000',
];

/**
 * The vagueness of the most specific thing an address names, in [0, 1]. 0 is a door a courier
 * can knock on; 1 names nothing. The values order the cases; `VAGUE_THRESHOLD` splits them.
 */
export const VAGUENESS = {
  /** Building and room, or unit and room, or floor and room: a door. */
  door: 0,
  /** A room with no building: single-building estates exist, so only slightly vague. */
  roomOnly: 0.25,
  /** A building (and maybe unit) with no room: a courier has to phone. */
  buildingOnly: 0.5,
  /** Road and number alone (文三路90号): may be a house, may be a compound gate. */
  roadNumber: 0.5,
  /** A floor with no room (万达广场3楼). */
  floorOnly: 0.6,
  /** A named estate or tower with no door. */
  namedPlace: 0.75,
  /** Near a road number (人民路88号附近). */
  nearRoadNumber: 0.8,
  /** A road and nothing else. */
  roadOnly: 0.85,
  /** A public place, or any place with a vicinity word and no door. */
  landmark: 0.9,
  /** "See the note" with no door, a placeholder, or a detail too short to name a place. */
  nothing: 1,
  /** Added when a full door also says "see the note": worth a reason, not a vague verdict. */
  noteWithDoor: 0.1,
} as const;

/**
 * At or above this score an address is `vague`. 0.6 puts floor-only, named-place, road-only and
 * landmark addresses in, and keeps road-plus-number (a house) and building-without-room out:
 * those still reach a person by phone, which a brushing operator does not want.
 */
export const VAGUE_THRESHOLD = 0.6;

/** A detail with fewer characters than this left after the region names is too short. */
export const MIN_DETAIL_CHARS = 3;
