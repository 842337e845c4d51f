/**
 * ZIP archives written byte by byte for tests: honest ones, and the hostile kinds a parser must
 * survive — a bomb that says how big it is, one that lies in its headers, one that hides an entry
 * between the ones its directory lists. jszip cannot write these (it tells the truth).
 */
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Deflated bytes as stored. */
  data: Buffer;
  crc: number;
  /** The true uncompressed size. */
  size: number;
  /** What the headers claim (default: the true size). */
  declaredSize?: number;
  /** Written in the file but left out of the central directory. */
  hidden?: boolean;
}

export function part(name: string, content: string | Buffer): ZipPart {
  const raw = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

/** `size` bytes of a repeated byte, deflated in 1 MB steps (never holding the expansion). */
export async function bombPart(name: string, size: number, fill = 0x20): Promise<ZipPart> {
  const chunk = Buffer.alloc(1024 * 1024, fill);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), crc, size };
}

export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let listed = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, p.data);
    if (!p.hidden) {
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt16LE(0x0800, 8);
      entry.writeUInt16LE(8, 10);
      entry.writeUInt32LE(p.crc >>> 0, 16);
      entry.writeUInt32LE(p.data.length, 20);
      entry.writeUInt32LE(size, 24);
      entry.writeUInt16LE(name.length, 28);
      entry.writeUInt32LE(offset, 42);
      central.push(entry, name);
      listed++;
    }
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';

/** A .docx shell around a given word/document.xml part. */
export const docxWith = (document: ZipPart, ...more: ZipPart[]) =>
  zipOf([part('[Content_Types].xml', CONTENT_TYPES), document, ...more]);

/** An .xlsx shell around a given worksheet part. */
export const xlsxWith = (sheet: ZipPart, ...more: ZipPart[]) =>
  zipOf([
    part('[Content_Types].xml', CONTENT_TYPES),
    part('xl/workbook.xml', '<workbook/>'),
    sheet,
    ...more,
  ]);
