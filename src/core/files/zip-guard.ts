/**
 * Zip bombs (issue 10 item 4): every uploaded Office file (.docx, .xlsx) is a ZIP that a parser
 * will inflate. A 408 KB .docx that inflates to 400 MB took the server to 4.7 GB. Before any
 * parser sees an upload, this checks the archive and inflates every entry once, counting bytes
 * and keeping none:
 *
 * - the central directory's declared sizes against per-entry and total caps and a ratio cap;
 * - the layout: entries packed one after another from byte 0 up to the central directory, each
 *   local header naming the same file as its directory entry — so a streaming parser (ExcelJS
 *   reads local headers, mammoth the directory) sees exactly the entries checked here, no hidden
 *   or overlapping ones;
 * - the data: inflation stops one byte past the declared size (a lying header is a bomb) and
 *   the total inflated is capped; XML parts may not declare entities (billion laughs).
 *
 * Pure computation over a buffer (no I/O); the caller maps the errors to 413/422.
 */
import { createInflateRaw } from 'node:zlib';

export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, for entries over 1 MB uncompressed (XML rarely passes 20). */
  maxRatio: number;
}

/** Why an archive was refused: over a size cap (413) or malformed / deceptive (422). */
export class ZipRefused extends Error {
  constructor(
    readonly reason: 'too_large' | 'invalid',
    message: string,
    /** Bytes inflated before the refusal (for tests and logs). */
    readonly inflatedBytes: number,
  ) {
    super(message);
    this.name = 'ZipRefused';
  }
}

export interface ZipSummary {
  entries: { name: string; size: number }[];
  inflatedBytes: number;
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const RATIO_FLOOR = 1024 * 1024;
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function findEndOfDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipRefused('invalid', '不是有效的 Office 文件（找不到 ZIP 目录）', 0);
}

function readDirectory(buf: Buffer, limits: ZipLimits): { entries: Entry[]; start: number } {
  const eocd = findEndOfDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff)
    throw new ZipRefused('invalid', '不支持 ZIP64 格式的 Office 文件', 0);
  if (count > limits.maxEntries)
    throw new ZipRefused('too_large', `文件包含 ${count} 个部件，超过上限 ${limits.maxEntries}`, 0);
  if (start + size > eocd) throw new ZipRefused('invalid', '文件的 ZIP 目录已损坏', 0);
  const entries: Entry[] = [];
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL)
      throw new ZipRefused('invalid', '文件的 ZIP 目录已损坏', 0);
    const nameLength = buf.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p = next;
  }
  if (p !== start + size) throw new ZipRefused('invalid', '文件的 ZIP 目录已损坏', 0);
  return { entries, start };
}

function checkDeclared(entries: Entry[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new ZipRefused('invalid', `部件 ${e.name} 已加密，无法读取`, 0);
    if (e.method !== 0 && e.method !== 8)
      throw new ZipRefused('invalid', `部件 ${e.name} 使用了不支持的压缩方式`, 0);
    if (e.size > limits.maxEntryBytes)
      throw new ZipRefused(
        'too_large',
        `部件 ${e.name} 解压后 ${MB(e.size)}，超过单个部件上限 ${MB(limits.maxEntryBytes)}`,
        0,
      );
    if (e.size > RATIO_FLOOR && e.size > e.compressedSize * limits.maxRatio)
      throw new ZipRefused(
        'invalid',
        `部件 ${e.name} 的压缩比异常（${Math.round(e.size / Math.max(1, e.compressedSize))} 倍），疑为“压缩炸弹”`,
        0,
      );
    total += e.size;
  }
  if (total > limits.maxTotalBytes)
    throw new ZipRefused(
      'too_large',
      `文件解压后共 ${MB(total)}，超过上限 ${MB(limits.maxTotalBytes)}`,
      0,
    );
}

/** Where each entry's data lies; entries must tile the file from 0 to the central directory. */
function locateData(buf: Buffer, entries: Entry[], directoryStart: number) {
  const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const located: { entry: Entry; from: number; to: number }[] = [];
  let expected = 0;
  for (const e of ordered) {
    const p = e.localOffset;
    if (p !== expected || p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL)
      throw new ZipRefused('invalid', '文件的 ZIP 结构异常（含目录之外的数据），已拒绝', 0);
    const nameLength = buf.readUInt16LE(p + 26);
    const from = p + 30 + nameLength + buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 30, p + 30 + nameLength) !== e.name)
      throw new ZipRefused('invalid', '文件的 ZIP 结构异常（部件名前后不一致），已拒绝', 0);
    const to = from + e.compressedSize;
    expected = to;
    if (buf.readUInt16LE(p + 6) & 8) {
      // A data descriptor follows the data, with or without its optional signature.
      expected += to + 4 <= buf.length && buf.readUInt32LE(to) === DESCRIPTOR ? 16 : 12;
    }
    located.push({ entry: e, from, to });
  }
  if (expected !== directoryStart)
    throw new ZipRefused('invalid', '文件的 ZIP 结构异常（含目录之外的数据），已拒绝', 0);
  return located;
}

const ENTITY = Buffer.from('<!ENTITY');

/** Bytes this process has inflated while checking uploads (for tests and metrics). */
export const zipInflation = { bytes: 0 };

/** Inflates one entry, counting bytes; rejects more than declared, fewer than declared, entities. */
function inflateEntry(
  data: Buffer,
  entry: Entry,
  budget: { inflated: number; limit: number },
): Promise<void> {
  const xml = /\.(xml|rels)$/i.test(entry.name);
  if (entry.method === 0) {
    if (data.length !== entry.size)
      throw new ZipRefused('invalid', `部件 ${entry.name} 已损坏`, budget.inflated);
    budget.inflated += data.length;
    zipInflation.bytes += data.length;
    if (xml && data.includes(ENTITY))
      throw new ZipRefused(
        'invalid',
        `部件 ${entry.name} 含 XML 实体声明，已拒绝`,
        budget.inflated,
      );
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let produced = 0;
    let tail = Buffer.alloc(0);
    const fail = (error: ZipRefused) => {
      inflater.destroy();
      reject(error);
    };
    inflater.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      budget.inflated += chunk.length;
      zipInflation.bytes += chunk.length;
      if (produced > entry.size)
        return fail(
          new ZipRefused(
            'invalid',
            `部件 ${entry.name} 解压后比声明的大小更大，疑为“压缩炸弹”`,
            budget.inflated,
          ),
        );
      if (budget.inflated > budget.limit)
        return fail(new ZipRefused('too_large', '文件解压后超过上限', budget.inflated));
      if (xml) {
        const window = Buffer.concat([tail, chunk]);
        if (window.includes(ENTITY))
          return fail(
            new ZipRefused(
              'invalid',
              `部件 ${entry.name} 含 XML 实体声明，已拒绝`,
              budget.inflated,
            ),
          );
        tail = window.subarray(Math.max(0, window.length - ENTITY.length));
      }
    });
    inflater.on('error', () =>
      fail(new ZipRefused('invalid', `部件 ${entry.name} 已损坏，无法解压`, budget.inflated)),
    );
    inflater.on('end', () =>
      produced === entry.size
        ? resolve()
        : reject(new ZipRefused('invalid', `部件 ${entry.name} 已损坏`, budget.inflated)),
    );
    inflater.end(data);
  });
}

/**
 * Checks an Office upload (see the module comment). Resolves with its parts; rejects with
 * ZipRefused. Memory stays at one zlib window however large the parts are.
 */
export async function inspectZip(bytes: Uint8Array, limits: ZipLimits): Promise<ZipSummary> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) throw new ZipRefused('invalid', '不是有效的 Office 文件', 0);
  const { entries, start } = readDirectory(buf, limits);
  checkDeclared(entries, limits);
  const budget = { inflated: 0, limit: limits.maxTotalBytes };
  for (const { entry, from, to } of locateData(buf, entries, start))
    await inflateEntry(buf.subarray(from, to), entry, budget);
  return {
    entries: entries.map((e) => ({ name: e.name, size: e.size })),
    inflatedBytes: budget.inflated,
  };
}

/** Limits per kind of upload: what a real file of that kind needs, with room to spare. */
export const ZIP_LIMITS = {
  /** A past duty report: text (mammoth builds a DOM of document.xml, so keep it bounded) and photos. */
  reportDocx: {
    maxEntries: 1000,
    maxEntryBytes: 24 * 1024 * 1024,
    maxTotalBytes: 128 * 1024 * 1024,
    maxRatio: 100,
  },
  /** A ledger import (≤ 25 MB): 100,000 rows × 8 columns is a 32 MB sheet at ratio 9. */
  ledgerXlsx: {
    maxEntries: 1000,
    maxEntryBytes: 256 * 1024 * 1024,
    maxTotalBytes: 320 * 1024 * 1024,
    maxRatio: 100,
  },
  /** An attachment (≤ 10 MB) stored and handed back, never parsed by us. */
  attachment: {
    maxEntries: 2000,
    maxEntryBytes: 128 * 1024 * 1024,
    maxTotalBytes: 160 * 1024 * 1024,
    maxRatio: 100,
  },
} satisfies Record<string, ZipLimits>;
