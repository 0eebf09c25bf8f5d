/**
 * What an uploaded workbook may hold (issue 14 §5: Excel bombs). A 1 MB upload that inflates to
 * 1 GiB must be refused before it is inflated, and a workbook of a million rows before it is
 * turned into objects. The limits are generous for the real files: a city's roster of 100,000
 * students is ~60 MB of sheet XML and 100,000 rows × 12 columns.
 */
export type SheetLimits = {
  /** The sum of the sizes the zip declares for its parts, and what they may really inflate to. */
  maxUnzippedBytes: number;
  /** Parts in the zip (a workbook has a dozen). */
  maxEntries: number;
  /** A part that inflates more than this many times its compressed size is a bomb (real XML: 5–20×). */
  maxRatio: number;
  /** Data rows of the first sheet. */
  maxRows: number;
  /** Cells read (rows × the columns with a header). */
  maxCells: number;
};

export const SHEET_LIMITS: SheetLimits = {
  maxUnzippedBytes: 256 * 1024 * 1024,
  maxEntries: 2_000,
  maxRatio: 200,
  maxRows: 200_000,
  maxCells: 4_000_000,
};

/** The workbook is beyond a limit: the caller answers IMPORT_TOO_LARGE with the reason. */
export class SheetTooLargeError extends Error {
  constructor(readonly reason: { zh: string; en: string; limit: string }) {
    super(reason.en);
  }
}

export const tooManyRows = (l: SheetLimits) => new SheetTooLargeError({ zh: `行数超过 ${l.maxRows.toLocaleString('en')} 行`, en: `more than ${l.maxRows.toLocaleString('en')} rows`, limit: `${l.maxRows} rows` });
export const tooManyCells = (l: SheetLimits) => new SheetTooLargeError({ zh: `单元格超过 ${l.maxCells.toLocaleString('en')} 个`, en: `more than ${l.maxCells.toLocaleString('en')} cells`, limit: `${l.maxCells} cells` });
