/**
 * What an uploaded file is (issue 10 items 4 and 10): its kind read from its first bytes (and,
 * for Office files, from the parts of the checked ZIP), which must agree with an allow-list and
 * with the file name's extension — `通知.bat` starting with `%PDF` is refused, not stored as a PDF
 * and served back as `.bat`. Names lose control, bidi and other invisible format characters
 * (U+202E turns `exe.pdf` around on screen). Images must not claim more pixels than a camera makes
 * (a 100,000 × 100,000 PNG of zeros is a few KB and takes a viewer's browser down).
 */
import { InvalidInput, PayloadTooLarge } from '../errors.ts';
import { inspectZip, ZipRefused, type ZipLimits } from './zip-guard.ts';

export const FILE_KINDS = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPG 图片' },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word（docx）',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel（xlsx）',
  },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

/** A phone's 108-megapixel photo passes; a decompression bomb does not. */
export const MAX_IMAGE_PIXELS = 150_000_000;
export const MAX_IMAGE_SIDE = 30_000;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** The kind told by the first bytes alone; Office files only say "zip" here. */
export function magicKind(bytes: Uint8Array): 'pdf' | 'jpg' | 'png' | 'zip' | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return null;
}

/** Control (Cc), format (Cf: bidi overrides, zero-width), line/paragraph separators, and `"`. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"]/gu;

/** A name safe to store and to put in Content-Disposition: base name, visible characters only. */
export function cleanFilename(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(INVISIBLE, '').trim();
  return [...base].slice(0, 255).join('');
}

export const extensionOf = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker); // not DHT, JPG, DAC

/**
 * The pixel sizes an image declares: a PNG's IHDR, a JPEG's start-of-frame found by walking its
 * segments — or, when the walk breaks (a decoder would resynchronise on the next marker), every
 * start-of-frame anywhere in the file. Empty when none is found (nothing a browser could draw).
 */
export function imageSizes(bytes: Uint8Array): { width: number; height: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (magicKind(bytes) === 'png')
    return bytes.length >= 24 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR'
      ? [{ width: view.getUint32(16), height: view.getUint32(20) }]
      : [];
  const frame = (p: number) => ({ height: view.getUint16(p + 5), width: view.getUint16(p + 7) });
  let p = 2;
  while (p + 9 < bytes.length && bytes[p] === 0xff) {
    const marker = bytes[p + 1]!;
    if (marker === 0xff) p++;
    else if (isStartOfFrame(marker)) return [frame(p)];
    else p += 2 + view.getUint16(p + 2);
  }
  const found = [];
  for (let i = 2; i + 9 < bytes.length; i++)
    if (bytes[i] === 0xff && isStartOfFrame(bytes[i + 1]!)) found.push(frame(i));
  return found;
}

function refuse(message: string, label: string): never {
  throw new InvalidInput(message, [{ path: 'file', label, message }]);
}

async function officeKind(bytes: Uint8Array, limits: ZipLimits): Promise<FileKind | null> {
  try {
    const { entries } = await inspectZip(bytes, limits);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('[Content_Types].xml')) return null;
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
    return null;
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    if (error.reason === 'too_large') throw new PayloadTooLarge(error.message);
    throw new InvalidInput(error.message, [
      { path: 'file', label: '文件', message: error.message },
    ]);
  }
}

export interface IdentifiedFile {
  kind: FileKind;
  mime: string;
  /** The cleaned name, with the extension the content calls for when the client sent none. */
  filename: string;
}

/**
 * Identifies an upload against `allowed`, or throws a Chinese 422 (wrong kind, extension not
 * matching the content) or 413 (zip or pixel bomb). `filename` null: the client named no file.
 */
export async function identifyUpload(
  bytes: Uint8Array,
  filename: string | null,
  options: { allowed: readonly FileKind[]; zipLimits: ZipLimits; label?: string },
): Promise<IdentifiedFile> {
  const label = options.label ?? '文件';
  const allowedText = options.allowed.map((k) => FILE_KINDS[k].label).join('、');
  const magic = magicKind(bytes);
  const kind = magic === 'zip' ? await officeKind(bytes, options.zipLimits) : magic;
  if (!kind || !options.allowed.includes(kind))
    refuse(`${label}仅支持 ${allowedText}（按文件内容识别）`, label);
  const spec = FILE_KINDS[kind];
  const cleaned = filename === null ? '' : cleanFilename(filename);
  const name = cleaned || `${label}.${spec.extensions[0]}`;
  const ext = extensionOf(name);
  if (!(spec.extensions as readonly string[]).includes(ext))
    refuse(
      ext
        ? `文件名的扩展名 .${ext} 与文件内容（${spec.label}）不符，请确认文件后重新上传`
        : `文件名缺少扩展名（内容为 ${spec.label}，应为 .${spec.extensions[0]}）`,
      label,
    );
  if (kind === 'jpg' || kind === 'png') {
    const huge = imageSizes(bytes).find(
      (size) =>
        size.width > MAX_IMAGE_SIDE ||
        size.height > MAX_IMAGE_SIDE ||
        size.width * size.height > MAX_IMAGE_PIXELS,
    );
    if (huge)
      throw new PayloadTooLarge(
        `图片尺寸 ${huge.width}×${huge.height} 过大（上限 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素，边长不超过 ${MAX_IMAGE_SIDE}）`,
      );
  }
  return { kind, mime: spec.mime, filename: name };
}
