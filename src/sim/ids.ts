// Opaque, unique, seed-dependent ids. A counter per namespace goes through a keyed bijection of
// 32-bit integers, so ids never collide, need no set to check, and do not reveal which module
// created them or in what order (a detector must not be able to spot a farm by consecutive ids).
import { hashString, mix32 } from './rng.js';

/** Keyed bijection of the 32-bit integers (each step is invertible: xor-shift, odd multiply). */
export function permute32(x: number, key: number): number {
  x = (x ^ key) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return (x ^ (key >>> 3)) >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

// Real mobile prefixes; the virtual-operator ones (16x, 17x) are favoured by account farms.
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155',
  '156', '157', '158', '159', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199'];
/** Prefixes of virtual operators (MVNOs), cheap numbers bought in bulk by farms. */
export const VIRTUAL_PREFIXES = ['162', '165', '167', '170', '171'];

type Namespace = 'evt' | 'u' | 'm' | 's' | 'i' | 'o' | 'dev' | 'pay' | 'cc' | 'rf' | 'rv' | 'msg' | 'cl' | 'cp' | 'trk' | 'phone';

/** Id factory for one run. */
export class Ids {
  private readonly counters = new Map<Namespace, number>();
  private readonly keys = new Map<Namespace, number>();

  constructor(private readonly seed: number) {}

  private next(ns: Namespace): number {
    const n = this.counters.get(ns) ?? 0;
    this.counters.set(ns, n + 1);
    let key = this.keys.get(ns);
    if (key === undefined) {
      key = mix32(this.seed ^ hashString(`ids:${ns}`));
      this.keys.set(ns, key);
    }
    return permute32(n, key);
  }

  event(): string { return `evt_${hex8(this.next('evt'))}`; }
  buyer(): string { return `u_${hex8(this.next('u'))}`; }
  merchant(): string { return `m_${hex8(this.next('m'))}`; }
  shop(): string { return `s_${hex8(this.next('s'))}`; }
  item(): string { return `i_${hex8(this.next('i'))}`; }
  order(): string { return `o_${hex8(this.next('o'))}`; }
  device(): string { return `dev_${hex8(this.next('dev'))}`; }
  payment(): string { return `pay_${hex8(this.next('pay'))}`; }
  couponClaim(): string { return `cc_${hex8(this.next('cc'))}`; }
  refund(): string { return `rf_${hex8(this.next('rf'))}`; }
  review(): string { return `rv_${hex8(this.next('rv'))}`; }
  message(): string { return `msg_${hex8(this.next('msg'))}`; }
  claim(): string { return `cl_${hex8(this.next('cl'))}`; }
  complaint(): string { return `cp_${hex8(this.next('cp'))}`; }

  /** A tracking number for a carrier prefix (e.g. "SF"), unique per run. */
  tracking(prefix: string): string {
    return `${prefix}${this.next('trk').toString().padStart(10, '0')}${(this.seed % 97).toString().padStart(2, '0')}`;
  }

  /**
   * A unique 11-digit mobile number. The last eight digits are an affine bijection of a counter
   * (48271 is coprime to 10^8), so two accounts never share a number by accident.
   */
  phone(prefixIndex: number, virtual = false): string {
    const n = this.counters.get('phone') ?? 0;
    this.counters.set('phone', n + 1);
    const prefixes = virtual ? VIRTUAL_PREFIXES : MOBILE_PREFIXES;
    const prefix = prefixes[Math.abs(prefixIndex) % prefixes.length]!;
    const tail = (n * 48271 + (this.seed % 1e8)) % 1e8;
    return `${prefix}${tail.toString().padStart(8, '0')}`;
  }
}
