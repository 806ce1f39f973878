import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

/**
 * Parts being deflated at once. Enough to keep zlib's threads busy while the caller turns the next
 * rows into text; few enough that text made faster than it is compressed waits instead of piling up.
 */
const IN_FLIGHT = 4;

/** The DOS time and date of the files' entries: a fixed 2026-01-01 00:00, so equal content zips equally. */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/**
 * A zip archive built in memory, its files deflated by Node's own zlib as their parts arrive. Each
 * part is deflated on its own and flushed to a byte boundary (`Z_SYNC_FLUSH`), so the parts join
 * into one deflate stream without holding the file's text: a worksheet's rows are compressed
 * batch by batch. Parts are deflated on zlib's thread pool, so compressing one batch overlaps
 * turning the next into text, at level 1: a fifth of level 6's time for a file two fifths larger
 * (100,000 rows: 7 MB instead of 5). (A JavaScript deflate, fflate's, took five of seven seconds.)
 */
export class ZipWriter {
  private readonly parts: Buffer[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;
  private current: { entry: Entry; chunks: Array<Promise<Buffer>> } | null = null;

  constructor(private readonly level = 1) {}

  /** A whole file at once. */
  async file(name: string, data: string | Buffer): Promise<void> {
    this.begin(name);
    await this.write(data);
    await this.end();
  }

  begin(name: string): void {
    if (this.current) throw new Error('zip: a file is still open');
    this.current = {
      entry: { name: Buffer.from(name), crc: 0, size: 0, compressed: 0, offset: this.offset },
      chunks: [],
    };
  }

  /** Starts deflating the part; resolves at once, or once an earlier part is done when enough are under way. */
  async write(data: string | Buffer): Promise<void> {
    const open = this.current!;
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    open.entry.crc = crc32(bytes, open.entry.crc);
    open.entry.size += bytes.length;
    const part = deflate(bytes, { level: this.level, finishFlush: constants.Z_SYNC_FLUSH });
    // Its failure surfaces where the parts are gathered (end), not as an unhandled rejection before.
    part.catch(() => {});
    open.chunks.push(part);
    const waiting = open.chunks.at(-IN_FLIGHT - 1);
    if (waiting) await waiting;
  }

  async end(): Promise<void> {
    const open = this.current!;
    open.chunks.push(deflate(Buffer.alloc(0), { level: this.level }));
    this.current = null;
    const { entry } = open;
    const chunks = await Promise.all(open.chunks);
    entry.compressed = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    this.describe(header, 4, entry);
    this.push(header, entry.name, ...chunks);
    this.entries.push(entry);
  }

  finish(): Buffer {
    const start = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      this.describe(header, 6, entry);
      header.writeUInt32LE(entry.offset, 42);
      this.push(header, entry.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    return Buffer.concat(this.parts);
  }

  /** The fields the local and the central header share, from "version needed" to the name's length. */
  private describe(header: Buffer, at: number, entry: Entry): void {
    header.writeUInt16LE(20, at); // version needed: deflate
    header.writeUInt16LE(0x0800, at + 2); // names in UTF-8
    header.writeUInt16LE(8, at + 4); // deflated
    header.writeUInt16LE(DOS_TIME, at + 6);
    header.writeUInt16LE(DOS_DATE, at + 8);
    header.writeUInt32LE(entry.crc >>> 0, at + 10);
    header.writeUInt32LE(entry.compressed, at + 14);
    header.writeUInt32LE(entry.size, at + 18);
    header.writeUInt16LE(entry.name.length, at + 22);
  }

  private push(...buffers: Buffer[]): void {
    for (const buffer of buffers) {
      this.parts.push(buffer);
      this.offset += buffer.length;
    }
  }
}
