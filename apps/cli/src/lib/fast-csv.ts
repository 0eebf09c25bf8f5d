/**
 * Byte-level CSV for hot paths (millions of rows): parses a Buffer in place without making
 * a string per field. UTF-8 with or without BOM, LF / CRLF / CR, RFC 4180 quoted fields
 * ("" escapes, embedded newlines; unescaped in place), unquoted fields trimmed of spaces and
 * tabs, blank lines skipped. Every record keeps the line it starts on, for `file:line` errors.
 * Also: a byte-key hash index (ids → dense indexes), id ordering by bytes, and a writer.
 */
const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

export class CsvInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

const decoder = new TextDecoder();
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class ByteCsvReader {
  readonly buf: Uint8Array;
  /** Line on which the current record starts (1-based). */
  line = 0;
  fieldCount = 0;
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);
  private pos = 0;
  private nextLine = 1;

  constructor(
    buf: Uint8Array,
    readonly file: string,
  ) {
    this.buf = buf;
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) this.pos = 3;
  }

  /** Advances to the next non-blank record; false at the end. */
  next(): boolean {
    const buf = this.buf;
    const len = buf.length;
    let pos = this.pos;
    for (;;) {
      if (pos >= len) {
        this.pos = pos;
        return false;
      }
      this.line = this.nextLine;
      let starts = this.starts;
      let ends = this.ends;
      let f = 0;
      let blank = true;
      for (;;) {
        let s: number;
        let e: number;
        if (buf[pos] === QUOTE) {
          blank = false;
          s = pos + 1;
          e = this.quoted(s);
          pos = this.quotedEnd;
        } else {
          while (pos < len && (buf[pos] === SPACE || buf[pos] === TAB)) pos++;
          s = pos;
          while (pos < len) {
            const c = buf[pos];
            if (c === COMMA || c === LF || c === CR) break;
            pos++;
          }
          e = pos;
          while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
          if (e > s) blank = false;
        }
        if (f === starts.length) {
          this.grow();
          starts = this.starts;
          ends = this.ends;
        }
        starts[f] = s;
        ends[f++] = e;
        if (pos >= len) break;
        const c = buf[pos];
        if (c === COMMA) {
          blank = false;
          if (++pos < len) continue;
          if (f === starts.length) {
            this.grow();
            starts = this.starts;
            ends = this.ends;
          }
          starts[f] = len; // "a," at the end of the file: an empty last field
          ends[f++] = len;
          break;
        }
        pos += c === CR && buf[pos + 1] === LF ? 2 : 1;
        this.nextLine++;
        break;
      }
      this.fieldCount = f;
      if (!(blank && f === 1 && starts[0] === ends[0])) {
        this.pos = pos;
        return true;
      }
    }
  }

  /** Position after the last quoted field read by `quoted` (after its closing quote and spaces). */
  private quotedEnd = 0;

  /** Reads a quoted field from just after its opening quote; unescapes "" in place; returns its end. */
  private quoted(pos: number): number {
    const buf = this.buf;
    const len = buf.length;
    let w = pos;
    for (;;) {
      if (pos >= len) throw this.error('unterminated quoted field');
      const c = buf[pos];
      if (c === QUOTE) {
        if (buf[pos + 1] === QUOTE) {
          buf[w++] = QUOTE;
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      if (c === LF || (c === CR && buf[pos + 1] !== LF)) this.nextLine++;
      if (w !== pos) buf[w] = c;
      w++;
      pos++;
    }
    while (pos < len && (buf[pos] === SPACE || buf[pos] === TAB)) pos++;
    if (pos < len && buf[pos] !== COMMA && buf[pos] !== LF && buf[pos] !== CR) throw this.error('text after a closing quote');
    this.quotedEnd = pos;
    return w;
  }

  private grow(): void {
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
  }

  text(i: number): string {
    return decoder.decode(this.buf.subarray(this.starts[i], this.ends[i]));
  }

  isEmpty(i: number): boolean {
    return this.starts[i] === this.ends[i];
  }

  /** The field as a number; NaN when empty or not a decimal number. Same value as Number(text). */
  number(i: number): number {
    const buf = this.buf;
    let p = this.starts[i];
    const e = this.ends[i];
    if (p === e) return NaN;
    let neg = false;
    if (buf[p] === 45) {
      neg = true;
      p++;
    } else if (buf[p] === 43) p++;
    let mant = 0;
    let digits = 0;
    let frac = -1;
    for (; p < e; p++) {
      const c = buf[p];
      if (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        digits++;
        if (frac >= 0) frac++;
      } else if (c === 46 && frac < 0) frac = 0;
      else return this.slowNumber(i);
    }
    if (digits === 0) return NaN;
    // ≤ 15 digits: mantissa and 10^frac are exact, so one correctly rounded division.
    if (digits > 15) return this.slowNumber(i);
    const v = frac > 0 ? mant / POW10[frac] : mant;
    return neg ? -v : v;
  }

  private slowNumber(i: number): number {
    const t = this.text(i);
    return NUMBER.test(t) ? Number(t) : NaN;
  }

  error(reason: string, line = this.line): CsvInputError {
    return new CsvInputError(this.file, line, reason);
  }
}

export function bytesEqual(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let i = 0; i < ae - as; i++) if (a[as + i] !== b[bs + i]) return false;
  return true;
}

/** Byte order (= code-point order for UTF-8): negative when a < b. */
export function compareBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): number {
  const n = Math.min(ae - as, be - bs);
  for (let i = 0; i < n; i++) if (a[as + i] !== b[bs + i]) return a[as + i] - b[bs + i];
  return ae - as - (be - bs);
}

/**
 * Index from byte strings (all stored in `src`) to 0..count-1. While keys arrive in strictly
 * ascending byte order (ids exported sorted, the usual case) nothing is hashed: such keys
 * cannot repeat. The open-addressing hash table is built at the first out-of-order key or the
 * first lookup. Each slot holds [index + 1, first 4 bytes, next 4 bytes, length] side by side,
 * so a probe reads one cache line; keys of up to 8 bytes never touch the key bytes.
 */
export class ByteKeyIndex {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;
  /** True while every key added so far is greater (byte order) than the one before. */
  ascending = true;
  private slots: Int32Array | null = null;
  private mask = 0;
  /** Packed words of the key last hashed. */
  private h0 = 0;
  private h1 = 0;

  constructor(
    readonly src: Uint8Array,
    private readonly expected: number,
  ) {
    this.starts = new Int32Array(Math.max(expected, 4));
    this.ends = new Int32Array(Math.max(expected, 4));
  }

  /** Hash of buf[s, e) (murmur3 finaliser over the packed words); leaves the words in h0/h1. */
  private hash(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    let a = 0;
    let b = 0;
    const short = Math.min(len, 8);
    for (let i = 0; i < short; i++) {
      if (i < 4) a |= buf[s + i] << (i << 3);
      else b |= buf[s + i] << ((i - 4) << 3);
    }
    this.h0 = a;
    this.h1 = b;
    let h = Math.imul(a, 0xcc9e2d51) ^ Math.imul(b ^ len, 0x1b873593);
    for (let i = s + 8; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /** Whether slot x (already matching h0/h1/len) holds buf[s, e). */
  private sameTail(v: number, buf: Uint8Array, s: number, e: number): boolean {
    if (e - s <= 8) return true;
    const ks = this.starts[v];
    return bytesEqual(this.src, ks, ks + (e - s), buf, s, e);
  }

  /** Last index found by a galloping search; -1 once galloping proved useless. */
  private cursor = 0;
  private farLookups = 0;

  /**
   * Index of the key in `buf`, or -1. On a large index of ascending keys, lookups first gallop
   * from the previous hit: files sorted or grouped by id (programme scores listed applicant by
   * applicant) then cost a few comparisons in cache instead of a hash-table miss each.
   */
  get(buf: Uint8Array, s: number, e: number): number {
    if (this.ascending && this.cursor >= 0 && this.count > 65536) {
      const found = this.gallop(buf, s, e);
      if (found !== -2) return found;
    }
    const slots = this.slots ?? this.build();
    const mask = this.mask;
    let x = this.hash(buf, s, e) & mask;
    const a = this.h0;
    const b = this.h1;
    const len = e - s;
    for (;;) {
      const v = slots[x * 4];
      if (v === 0) return -1;
      if (slots[x * 4 + 1] === a && slots[x * 4 + 2] === b && slots[x * 4 + 3] === len && this.sameTail(v - 1, buf, s, e)) return v - 1;
      x = (x + 1) & mask;
    }
  }

  /** Galloping search from the cursor; -2 when the key is far away (then the hash table answers). */
  private gallop(buf: Uint8Array, s: number, e: number): number {
    const { src, starts, ends, count } = this;
    const c = this.cursor;
    const here = compareBytes(src, starts[c], ends[c], buf, s, e);
    if (here === 0) return c;
    // Bracket the key, doubling the step away from the cursor: ids[lo] < key < ids[hi].
    let lo = c;
    let hi = c;
    let step = 1;
    if (here < 0) {
      for (;;) {
        hi = c + step;
        if (hi >= count) {
          hi = count;
          break;
        }
        const d = compareBytes(src, starts[hi], ends[hi], buf, s, e);
        if (d === 0) return (this.cursor = hi);
        if (d > 0) break;
        lo = hi;
        if ((step *= 2) > 4096) return this.far();
      }
    } else {
      for (;;) {
        lo = c - step;
        if (lo < 0) {
          lo = -1;
          break;
        }
        const d = compareBytes(src, starts[lo], ends[lo], buf, s, e);
        if (d === 0) return (this.cursor = lo);
        if (d < 0) break;
        hi = lo;
        if ((step *= 2) > 4096) return this.far();
      }
    }
    // Binary search strictly inside (lo, hi).
    let a = lo + 1;
    let b = hi - 1;
    while (a <= b) {
      const mid = (a + b) >>> 1;
      const d = compareBytes(src, starts[mid], ends[mid], buf, s, e);
      if (d === 0) return (this.cursor = mid);
      if (d < 0) a = mid + 1;
      else b = mid - 1;
    }
    return -1;
  }

  private far(): number {
    if (++this.farLookups > 1000) this.cursor = -1; // the file is not in id order: stop galloping
    return -2;
  }

  /** Adds the key src[s, e); returns its new index, or -(existing index) - 1 when present. */
  add(s: number, e: number): number {
    const n = this.count;
    if (this.slots === null) {
      if (n === 0 || compareBytes(this.src, this.starts[n - 1], this.ends[n - 1], this.src, s, e) < 0) return this.append(s, e);
      this.ascending = false;
      this.build();
    }
    if (n * 2 >= (this.mask + 1)) this.build(n * 4);
    const found = this.get(this.src, s, e);
    if (found >= 0) return -found - 1;
    const i = this.append(s, e);
    this.insert(i);
    return i;
  }

  private insert(i: number): void {
    const slots = this.slots!;
    let x = this.hash(this.src, this.starts[i], this.ends[i]) & this.mask;
    while (slots[x * 4] !== 0) x = (x + 1) & this.mask;
    slots[x * 4] = i + 1;
    slots[x * 4 + 1] = this.h0;
    slots[x * 4 + 2] = this.h1;
    slots[x * 4 + 3] = this.ends[i] - this.starts[i];
  }

  private append(s: number, e: number): number {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.count] = s;
    this.ends[this.count] = e;
    return this.count++;
  }

  text(i: number): string {
    return decoder.decode(this.src.subarray(this.starts[i], this.ends[i]));
  }

  private build(atLeast = 0): Int32Array {
    let size = 16;
    while (size < Math.max(this.count, this.expected, atLeast / 2) * 2) size *= 2;
    this.slots = new Int32Array(size * 4);
    this.mask = size - 1;
    for (let i = 0; i < this.count; i++) this.insert(i);
    return this.slots;
  }
}

function grow(a: Int32Array, size = a.length * 2): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(size, a.length));
  b.set(a);
  return b;
}

/**
 * Position of each id (bytes [starts[i], ends[i]) of buf) in byte order, which for UTF-8 is
 * code-point order. Ids already in order cost one check; otherwise an LSD radix sort over
 * pairs of byte positions (257 symbols each: end-of-id or a byte); ids over 64 bytes fall back
 * to a comparator sort.
 */
export function byteOrderRank(buf: Uint8Array, starts: Int32Array, ends: Int32Array, n: number): Int32Array {
  const rank = new Int32Array(n);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = compareBytes(buf, starts[i - 1], ends[i - 1], buf, starts[i], ends[i]) < 0;
  if (sorted) {
    for (let i = 0; i < n; i++) rank[i] = i;
    return rank;
  }
  let maxLen = 0;
  for (let i = 0; i < n; i++) maxLen = Math.max(maxLen, ends[i] - starts[i]);
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (maxLen > 64) {
    order.sort((a, b) => compareBytes(buf, starts[a], ends[a], buf, starts[b], ends[b]));
  } else {
    let other = new Int32Array(n);
    const digit = new Int32Array(n);
    const count = new Int32Array(257 * 257 + 1);
    const sym = (i: number, p: number) => (starts[i] + p < ends[i] ? buf[starts[i] + p] + 1 : 0);
    for (let q = Math.ceil(maxLen / 2) - 1; q >= 0; q--) {
      for (let i = 0; i < n; i++) digit[i] = sym(i, 2 * q) * 257 + sym(i, 2 * q + 1);
      count.fill(0);
      for (let i = 0; i < n; i++) count[digit[i] + 1]++;
      for (let b = 1; b < count.length; b++) count[b] += count[b - 1];
      for (let i = 0; i < n; i++) {
        const e = order[i];
        other[count[digit[e]]++] = e;
      }
      [order, other] = [other, order];
    }
  }
  for (let i = 0; i < n; i++) rank[order[i]] = i;
  return rank;
}

const encoder = new TextEncoder();

/** Appends CSV bytes to a growing buffer; fields are quoted only when they need it. */
export class ByteCsvWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(initial = 1 << 16) {
    this.buf = new Uint8Array(initial);
  }

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }

  /** A field copied from bytes src[s, e). */
  field(src: Uint8Array, s: number, e: number): this {
    let quote = false;
    for (let i = s; i < e && !quote; i++) {
      const c = src[i];
      quote = c === COMMA || c === QUOTE || c === LF || c === CR;
    }
    if (s < e && (src[s] === SPACE || src[e - 1] === SPACE)) quote = true;
    this.ensure((e - s) * 2 + 2);
    const b = this.buf;
    if (!quote) {
      let at = this.len;
      if (e - s > 32) b.set(src.subarray(s, e), at);
      else for (let i = s; i < e; i++) b[at++] = src[i];
      this.len += e - s;
      return this;
    }
    b[this.len++] = QUOTE;
    for (let i = s; i < e; i++) {
      if (src[i] === QUOTE) b[this.len++] = QUOTE;
      b[this.len++] = src[i];
    }
    b[this.len++] = QUOTE;
    return this;
  }

  /** A field from a string (UTF-8 encoded). */
  text(value: string): this {
    const bytes = encoder.encode(value);
    return this.field(bytes, 0, bytes.length);
  }

  /** A non-negative integer. */
  int(value: number): this {
    if (value < 10) {
      this.ensure(1);
      this.buf[this.len++] = 48 + value;
      return this;
    }
    return this.ascii(String(value));
  }

  /** ASCII that never needs quoting (numbers, fixed words, a header). */
  ascii(value: string): this {
    this.ensure(value.length);
    for (let i = 0; i < value.length; i++) this.buf[this.len++] = value.charCodeAt(i);
    return this;
  }

  comma(): this {
    this.ensure(1);
    this.buf[this.len++] = COMMA;
    return this;
  }

  newline(): this {
    this.ensure(1);
    this.buf[this.len++] = LF;
    return this;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
