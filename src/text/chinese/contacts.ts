// Contact handles in free text: the WeChat ids, QQ numbers and phone numbers that service sellers
// and extortionists give to move a conversation off the platform. A handle is written many ways
// (加V：shp123, vx shp123, 薇信 shp123, Q 12345678); each becomes one canonical string, so the same
// handle in two accounts' messages is seen as the same.
import type { NormalizedText } from './normalize.js';

/**
 * A contact handle: its kind and canonical value. `phone:` a mainland mobile number, `qq:` a QQ
 * number, `id:` a latin account id (WeChat usually, but a QQ or Telegram id reads the same, and
 * the prefix is often disguised, so the kind is not guessed).
 */
export type ContactHandle = `${'id' | 'qq' | 'phone'}:${string}`;

// Words that announce a handle: WeChat and its homophones used to dodge filters (薇信, 威信, 徽信,
// 维信, v信) and abbreviations (vx, wx, v), QQ (扣扣, 企鹅, q), and "add", "contact", "ask". They
// chain (详询Q, 加V：), so a run of them is one prefix.
const PREFIX = '(?:微信|薇信|威信|徽信|维信|围信|v信|扣扣|企鹅|加我|加|联系|详询|咨询|(?<![a-z])(?:weixin|wechat|vx|wx|qq|v|q)(?![a-z]))';
const PREFIXES = `(?:${PREFIX} ?(?:号|id)? ?)+`;
// A latin id: 5 to 20 characters, a letter first, then letters, digits, '-' or '_'.
const ID_RE = new RegExp(`${PREFIXES}([a-z][a-z0-9_-]{4,19})(?![a-z0-9_-])`, 'g');
// A QQ number is all digits: digits that run on into letters (vx 76129a) are the start of an id, not a QQ.
const QQ_RE = new RegExp(`${PREFIXES}([1-9][0-9]{4,10})(?![0-9a-z_-])`, 'g');
const MOBILE = /(?<![0-9])(1[3-9][0-9]{9})(?![0-9])/g;
// A mobile number is usually written in groups of 3-4-4 (139 1234 5678, 139-1234-5678): the way
// carriers print them and people read them out.
const GROUPED_MOBILE = /(?<![0-9])(1[3-9][0-9])[ -]([0-9]{4})[ -]([0-9]{4})(?![0-9])/g;
const MOBILE_ONLY = /^1[3-9][0-9]{9}$/;
// 加v13812345678: the letters are the prefix, the number is the phone.
const PREFIXED_MOBILE = /^[a-z]{1,2}1[3-9][0-9]{9}$/;
// 详询Qshp123, 加vxshp123: a channel letter glued to the id after a Chinese cue. Whether the letter
// is part of the id cannot be told from the text (qshp123 is as good an id as shp123), so both
// readings are kept: the same handle written 微信shp123 elsewhere must still be seen as the same.
// Every marker that fits is taken off (加vxiaoming may be vx + iaoming or v + xiaoming).
const GLUED_MARKERS = ['vx', 'wx', 'v', 'q'] as const;
const BARE_ID = /^[a-z][a-z0-9_-]{4,19}$/;
const LATIN_END = /[a-z0-9_:-]$/;

/** The handles a text names, each once, sorted. */
export function findContacts(text: NormalizedText): ContactHandle[] {
  const found = new Set<ContactHandle>();
  // Read the spaced form: ids end at a space, and a prefix may be followed by one.
  const s = text.spaced;
  for (const m of s.matchAll(MOBILE)) found.add(`phone:${m[1]!}`);
  for (const m of s.matchAll(GROUPED_MOBILE)) found.add(`phone:${m[1]!}${m[2]!}${m[3]!}`);
  for (const m of s.matchAll(ID_RE)) {
    const id = m[1]!;
    if (PREFIXED_MOBILE.test(id)) continue;
    found.add(`id:${id}`);
    // Glued: straight after a Chinese cue, no space (微信 qq_333 and vx qshp123 name the id as written).
    const cue = m[0].slice(0, m[0].length - id.length);
    if (cue.endsWith(' ') || LATIN_END.test(cue)) continue;
    for (const mark of GLUED_MARKERS) {
      if (id.startsWith(mark) && BARE_ID.test(id.slice(mark.length))) found.add(`id:${id.slice(mark.length)}`);
    }
  }
  // A mobile number after a prefix is the phone already counted.
  for (const m of s.matchAll(QQ_RE)) if (!MOBILE_ONLY.test(m[1]!)) found.add(`qq:${m[1]!}`);
  return [...found].sort();
}
