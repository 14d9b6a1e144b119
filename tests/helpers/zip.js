// Crafted zip files for the Word guards: a writer that lets a test choose what
// the directory declares (sizes, counts) independently of the data, and a
// DEFLATE stream built by hand that inflates to gigabytes from a few bytes per
// megabyte (the format's limit is about 1,032 to 1).
const zlib = require('node:zlib');

const crc32 = (data) => (zlib.crc32 ? zlib.crc32(data) : 0);

/**
 * entries: [{ name, data?: bytes (stored or deflated as `method` says), method?: 0|8,
 *             raw?: bytes already compressed, size?: declared unpacked size, flags? }]
 * opts.count: the entry count the end record declares (default: the real one, mod 65,536).
 */
function makeZip(entries, opts = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const data = e.data ? Buffer.from(e.data) : Buffer.alloc(0);
    const raw = e.raw ? Buffer.from(e.raw) : method === 8 ? zlib.deflateRawSync(data) : data;
    const size = e.size ?? data.length;
    const crc = e.data ? crc32(data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, raw);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(raw.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + raw.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = opts.count ?? entries.length % 0x10000;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * A raw DEFLATE stream of one dynamic-Huffman block that inflates to
 * 1 + 258 × `repeats` zero bytes: one literal, then `repeats` copies of
 * (length 258, distance 1) at two bits each, so the body is all zero bytes.
 */
function deflateBomb(repeats) {
  const bits = new BitWriter(64 + Math.ceil((repeats * 2) / 8));
  bits.write(1, 1); // BFINAL
  bits.write(2, 2); // BTYPE = dynamic
  bits.write(29, 5); // HLIT: 286 literal/length codes
  bits.write(1, 5); // HDIST: 2 distance codes
  bits.write(14, 4); // HCLEN: 18 code-length codes
  // Code-length code lengths in the format's order 16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1: 18→1, 2→2, 1→2.
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
  const clen = { 18: 1, 2: 2, 1: 2 };
  for (const sym of order) bits.write(clen[sym] ?? 0, 3);
  // Canonical codes of the code-length alphabet: 18 → 0, 1 → 10, 2 → 11 (written most significant bit first).
  const cl = { 18: [0, 1], 1: [0b10, 2], 2: [0b11, 2] };
  const zeros = (n) => {
    bits.huff(...cl[18]);
    bits.write(n - 11, 7);
  };
  bits.huff(...cl[2]); // literal 0: length 2
  zeros(138);
  zeros(117); // literals 1–255: unused
  bits.huff(...cl[2]); // 256 (end of block): length 2
  zeros(28); // 257–284: unused
  bits.huff(...cl[1]); // 285 (length 258): length 1
  bits.huff(...cl[1]);
  bits.huff(...cl[1]); // distance codes 0 and 1: length 1
  // Literal/length codes: 285 → 0, literal 0 → 10, end of block → 11; distance 0 → 0.
  bits.huff(0b10, 2);
  bits.skip(repeats * 2); // each (285, distance 0) pair is "0" "0"
  bits.huff(0b11, 2);
  return bits.bytes();
}

class BitWriter {
  constructor(size) {
    this.buf = Buffer.alloc(size);
    this.pos = 0;
  }
  /** A field, least significant bit first. */
  write(value, n) {
    for (let i = 0; i < n; i++) this.bit((value >> i) & 1);
  }
  /** A Huffman code, most significant bit first. */
  huff(code, n) {
    for (let i = n - 1; i >= 0; i--) this.bit((code >> i) & 1);
  }
  bit(b) {
    if (b) this.buf[this.pos >> 3] |= 1 << (this.pos & 7);
    this.pos++;
  }
  skip(n) {
    this.pos += n;
  }
  bytes() {
    return this.buf.subarray(0, Math.ceil(this.pos / 8));
  }
}

module.exports = { makeZip, deflateBomb };
