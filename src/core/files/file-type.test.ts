import { describe, expect, it } from 'vitest';
import { InvalidInput, PayloadTooLarge } from '../errors.ts';
import { cleanFilename, identifyUpload, imageSizes } from './file-type.ts';
import { ZIP_LIMITS } from './zip-guard.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const options = {
  allowed: ['pdf', 'jpg', 'png', 'docx', 'xlsx'] as const,
  zipLimits: ZIP_LIMITS.attachment,
};
const identify = (bytes: Uint8Array, name: string | null) => identifyUpload(bytes, name, options);

/** A JPEG whose start-of-frame declares `width` × `height`. */
function jpeg(width: number, height: number, junkBeforeFrame = false): Uint8Array {
  const frame = [
    0xff,
    0xc0,
    0,
    11,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    1,
    1,
    0x11,
    0,
  ];
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  // A broken segment length sends a strict walk astray; decoders resynchronise on the next marker.
  const junk = junkBeforeFrame ? [0xff, 0xe1, 0xff, 0xff, 1, 2, 3] : [];
  return new Uint8Array([0xff, 0xd8, ...app0, ...junk, ...frame, 0xff, 0xd9]);
}

describe('upload identification', () => {
  it('refuses an extension that disagrees with the content: 通知.bat starting with %PDF, a PNG called .jpg', async () => {
    await expect(identify(PDF, '通知.bat')).rejects.toThrow(/扩展名 \.bat 与文件内容（PDF）不符/);
    await expect(identify(PNG_1PX, 'photo.jpg')).rejects.toThrow(/\.jpg 与文件内容（PNG 图片）/);
    await expect(identify(PDF, '通知')).rejects.toThrow(/缺少扩展名/);
    await expect(identify(new Uint8Array([0x4d, 0x5a, 0x90, 0]), 'a.pdf')).rejects.toBeInstanceOf(
      InvalidInput,
    );
    expect(await identify(PDF, '通知.PDF')).toMatchObject({ kind: 'pdf', filename: '通知.PDF' });
    expect(await identify(jpeg(4000, 3000), '现场.jpeg')).toMatchObject({ mime: 'image/jpeg' });
    // No name given at all (a raw upload): named after the content.
    expect((await identify(PDF, null)).filename).toBe('文件.pdf');
  });

  it('strips control, bidi and invisible characters from names', () => {
    expect(cleanFilename('报告\u202Efdp.exe')).toBe('报告fdp.exe');
    expect(cleanFilename('a\u0000b\u0007c\u200B\u2066d\u2069.pdf')).toBe('abcd.pdf');
    expect(cleanFilename('..\\..\\windows\\通知\r\n.pdf')).toBe('通知.pdf');
    expect(cleanFilename('"引号".pdf')).toBe('引号.pdf');
    expect([...cleanFilename(`${'长'.repeat(400)}.pdf`)]).toHaveLength(255);
  });

  it('refuses images that claim more pixels than any camera makes, however their frames are hidden', async () => {
    expect(imageSizes(jpeg(12_032, 9_024))).toEqual([{ width: 12_032, height: 9_024 }]);
    await expect(identify(jpeg(12_032, 9_024), '108mp.jpg')).resolves.toBeTruthy();
    await expect(identify(jpeg(60_000, 60_000), 'bomb.jpg')).rejects.toBeInstanceOf(
      PayloadTooLarge,
    );
    await expect(identify(jpeg(60_000, 60_000, true), 'bomb.jpg')).rejects.toThrow(/过大/);
    const png = Buffer.from(PNG_1PX);
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    await expect(identify(png, 'bomb.png')).rejects.toThrow(/100000×100000/);
  });
});
