// A zip written byte by byte with every field chosen by the test (issue 15), independent of the app's reader and of
// fflate: to forge what no honest writer makes — sizes that lie, repeated names, a wrong CRC, ZIP64 markers, entries
// sharing one stream — and a deflate stream of zeros that expands about 160 times.
import zlib from 'node:zlib';

export interface RawEntry {
  name: string;
  /** The bytes as stored (deflated when `method` is 8). */
  data: Uint8Array;
  /** 8 (deflate, the default) or 0 (stored); anything else to test refusal. */
  method?: number;
  crc?: number;
  /** Declared uncompressed size. */
  size?: number;
  /** Declared compressed size (default: the stored bytes' length). */
  compressed?: number;
  flags?: number;
  /** Point the directory at the local header of an earlier entry (by index) instead of writing one. */
  sameAs?: number;
}

/** An honest deflated entry. */
export function deflated(name: string, content: Uint8Array): RawEntry {
  return { name, data: zlib.deflateRawSync(content), crc: zlib.crc32(content), size: content.length };
}

const DOS_DATE = (20 << 9) | (1 << 5) | 1; // 2000-01-01

export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const fields = { method: e.method ?? 8, crc: e.crc ?? zlib.crc32(e.data), size: e.size ?? e.data.length, compressed: e.compressed ?? e.data.length, flags: e.flags ?? 0 };
    const header = (sig: number, central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      let p = 0;
      const u16 = (v: number) => (p = b.writeUInt16LE(v, p));
      const u32 = (v: number) => (p = b.writeUInt32LE(v >>> 0, p));
      u32(sig);
      if (central) u16(20);
      u16(20);
      u16(fields.flags);
      u16(fields.method);
      u16(0);
      u16(DOS_DATE);
      u32(fields.crc);
      u32(fields.compressed);
      u32(fields.size);
      u16(name.length);
      u16(0);
      if (central) {
        u16(0);
        u16(0);
        u16(0);
        u32(0);
        u32(e.sameAs === undefined ? at : offsets[e.sameAs]);
      }
      return b;
    };
    offsets.push(at);
    centrals.push(header(0x02014b50, true), name);
    if (e.sameAs === undefined) {
      const local = Buffer.concat([header(0x04034b50, false), name, e.data]);
      locals.push(local);
      at += local.length;
    }
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(at, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * A raw deflate stream of `n` zero bytes, written by hand (one fixed-Huffman block: a literal 0, then matches of
 * length 258 at distance 1): a few hundred KB that expand to hundreds of MB, built in milliseconds.
 */
export function zeros(n: number): { data: Uint8Array; crc: number } {
  const out: number[] = [];
  let bits = 0;
  let count = 0;
  const put = (value: number, length: number) => {
    bits |= value << count;
    count += length;
    while (count >= 8) {
      out.push(bits & 0xff);
      bits >>>= 8;
      count -= 8;
    }
  };
  const huffman = (code: number, length: number) => {
    let reversed = 0;
    for (let i = 0; i < length; i++) reversed |= ((code >> i) & 1) << (length - 1 - i);
    put(reversed, length);
  };
  put(1, 1); // last block
  put(1, 2); // fixed Huffman
  let left = n;
  if (left > 0) {
    huffman(0x30, 8); // literal 0
    left--;
  }
  for (; left >= 258; left -= 258) {
    huffman(0xc5, 8); // length 258 (symbol 285)
    put(0, 5); // distance 1
  }
  for (; left > 0; left--) huffman(0x30, 8);
  put(0, 7); // end of block
  if (count > 0) out.push(bits & 0xff);
  let crc = 0;
  const chunk = Buffer.alloc(1 << 20);
  for (let done = 0; done < n; done += chunk.length) crc = zlib.crc32(chunk.subarray(0, Math.min(chunk.length, n - done)), crc);
  return { data: Uint8Array.from(out), crc };
}
