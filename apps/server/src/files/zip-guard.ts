/**
 * Checks a zip (an .xlsx) before anything inflates it for real (issue 14 §5): the central
 * directory's declared sizes (count of parts, their sum, the ratio of each to its compressed
 * size), then every deflated part inflated once with its declared size as the ceiling, so a part
 * that lies about its size stops at the lie instead of filling the memory. What is not a zip is
 * left to the reader (a CSV, a broken file: it names the problem).
 */
import { inflateRawSync } from 'node:zlib';
import { SheetTooLargeError, type SheetLimits } from './sheet-limits';

export type ZipEntry = { name: string; method: number; compressed: number; size: number; local: number };

/** The central directory, or null when the bytes are not a zip. */
export function zipEntries(data: Buffer): ZipEntry[] | null {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = data.readUInt16LE(eocd + 10);
  let p = data.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLength = data.readUInt16LE(p + 28);
    entries.push({
      name: data.toString('utf8', p + 46, p + 46 + nameLength),
      method: data.readUInt16LE(p + 10),
      compressed: data.readUInt32LE(p + 20),
      size: data.readUInt32LE(p + 24),
      local: data.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  return entries;
}

/** Where a part's (compressed) bytes begin: after its local header, name and extra field. */
export const dataStart = (data: Buffer, e: ZipEntry) => e.local + 30 + data.readUInt16LE(e.local + 26) + data.readUInt16LE(e.local + 28);

const tooLarge = (zh: string, en: string, limit: string) => new SheetTooLargeError({ zh, en, limit });

/** Throws SheetTooLargeError when the zip declares, or really holds, more than the limits allow. */
export function checkZip(data: Buffer, limits: SheetLimits): void {
  const entries = zipEntries(data);
  if (!entries) return;
  if (entries.length > limits.maxEntries) throw tooLarge(`压缩包内文件过多（${entries.length} 个）`, `too many parts in the zip (${entries.length})`, `${limits.maxEntries} parts`);
  const declared = entries.reduce((n, e) => n + e.size, 0);
  if (declared > limits.maxUnzippedBytes) throw tooLarge(`解压后过大（约 ${Math.round(declared / 1048576)} MB）`, `too large once unzipped (~${Math.round(declared / 1048576)} MB)`, `${Math.round(limits.maxUnzippedBytes / 1048576)} MB`);
  for (const e of entries) {
    if (e.method === 8 && e.size > 1024 * 1024 && e.size > e.compressed * limits.maxRatio) {
      throw tooLarge(`压缩比异常（${e.name}）`, `abnormal compression ratio (${e.name})`, `${limits.maxRatio}:1`);
    }
  }
  // The declared sizes are only words: inflate each part with its word as the ceiling.
  for (const e of entries) {
    if (e.method !== 8) continue;
    const start = dataStart(data, e);
    try {
      inflateRawSync(data.subarray(start, start + e.compressed), { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(`文件声明的大小与实际不符（${e.name}）`, `a part inflates beyond its declared size (${e.name})`, 'declared sizes');
      // A broken part: the reader names the problem.
      return;
    }
  }
}
