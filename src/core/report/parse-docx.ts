/**
 * Importer entry for Word files: extracts the raw text of a past report's .docx with mammoth and
 * hands it to the text importer. The only I/O-free adapter between Word and `parseReportText`.
 */
import mammoth from 'mammoth';
import { Malformed } from '../errors.ts';
import { parseReportText, type ParsedReport } from './parse.ts';

export async function extractDocxText(buffer: Buffer): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer });
    // mammoth separates paragraphs with a blank line; keep one paragraph per line. Zero-width
    // characters (our own export joins figures to Chinese with U+200B) are not text.
    return value
      .replace(/[\u200b\u2060\ufeff]/gu, '')
      .replace(/\n{2,}/gu, '\n')
      .trim();
  } catch {
    throw new Malformed('无法读取该 Word 文件，请确认上传的是 .docx 格式的述职报告');
  }
}

export async function parseReportDocx(buffer: Buffer): Promise<ParsedReport> {
  return parseReportText(await extractDocxText(buffer));
}
