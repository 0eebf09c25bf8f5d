/** The one Excel upload of an import request (multipart field "file"), read only after the scope check. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { UnreadableWorkbookError } from './excel';
import { readSheet } from './read-sheet';

export function uploadOf(req: FastifyRequest): () => Promise<Buffer> {
  return async () => {
    if (!req.isMultipart()) throw new AppError('IMPORT_UNREADABLE', { reason: 'expected multipart/form-data with a file field' });
    const file = await req.file();
    if (!file) throw new AppError('IMPORT_UNREADABLE', { reason: 'no file in the upload' });
    return file.toBuffer();
  };
}

/** Reads the first sheet of an upload (checked, in a worker: read-sheet.ts); an unreadable file is the caller's error (IMPORT_UNREADABLE). */
export async function readUploadedSheet(read: () => Promise<Buffer>) {
  try {
    return await readSheet(await read(), 'exceljs');
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw new AppError('IMPORT_UNREADABLE', { reason: err.message });
    throw err;
  }
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const attachment = (filename: string) => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
