import { z } from 'zod';

/**
 * Data for chapter cells (<Cell data="digits-small">): the page fetches a build-time data file
 * (scripts/build-data.mjs) when the cell runs and sends the bytes with the job; the realm checks
 * them here and turns them into the cell's frozen `data` endowment. Both sides cap the size.
 *
 * File format "DLCD" v1 (integers little-endian), as written by scripts/build-data.mjs:
 *   "DLCD", u8 version = 1, u8 height, u8 width, u8 classes, u8 parts k (1…8),
 *   k × { u8 name length L (1…16), L ASCII letters a–z, u32 count n },
 *   then k × { n·height·width pixel bytes (0–255, row-major), n label bytes (< classes) }.
 */

/** The largest data file a cell may receive, inflated (the full digits file is ≈ 7.1 MB). */
export const CELL_DATA_MAX_BYTES = 16 * 1024 * 1024;

const MAGIC = [0x44, 0x4c, 0x43, 0x44]; // "DLCD"

/** The `data` field of a cell job: one data set, by the name the cell reads it under. */
export const cellDataSchema = z.object({
  /** The property the cell reads: `data.<key>` (e.g. `data.digits`). */
  key: z.string().regex(/^[a-z][A-Za-z0-9]{0,31}$/),
  /** The inflated DLCD file, transferred (not copied) to the realm. */
  bytes: z.instanceof(ArrayBuffer).refine((b) => b.byteLength <= CELL_DATA_MAX_BYTES, `数据超过 ${CELL_DATA_MAX_BYTES} 字节的上限`),
});
export type CellData = z.infer<typeof cellDataSchema>;

/** One entry of src/generated/data.json (the public manifest that scripts/build-data.mjs writes). */
export const dataEntrySchema = z.object({
  /** The property cells read it under: `data.<key>`. */
  key: z.string().regex(/^[a-z][A-Za-z0-9]{0,31}$/),
  /** Site-relative URL of the gzip file (content-hashed name), e.g. "data/digits-small.4cb0b96cd1d6.bin". */
  url: z.string().regex(/^data\/[a-z0-9-]+\.[0-9a-f]{12}\.bin$/),
  /** Inflated size in bytes (the page checks it before sending). */
  bytes: z.number().int().positive().max(CELL_DATA_MAX_BYTES),
  /** Size of the file as served (gzip). */
  gzipBytes: z.number().int().positive(),
  /** SHA-256 of the inflated bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** [height, width] of one sample. */
  size: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  /** Number of classes (labels are 0 … classes − 1). */
  classes: z.number().int().positive(),
  /** Samples per part, by part name (train, val, test …). */
  parts: z.record(z.string(), z.number().int().nonnegative()),
  /** Where the data comes from and under which licences (Chinese, shown on the pages that use it). */
  source: z.object({ name: z.string(), licence: z.string() }),
});
export const dataManifestSchema = z.object({ datasets: z.record(z.string().regex(/^[a-z0-9-]+$/), dataEntrySchema) });
export type DataEntry = z.infer<typeof dataEntrySchema>;
export type DataManifest = z.infer<typeof dataManifestSchema>;

/** One part of a data set as a cell sees it: `n` samples, pixels `x` (n·height·width bytes), labels `y`. */
export interface DataPart {
  readonly n: number;
  readonly x: Uint8Array;
  readonly y: Uint8Array;
}
export interface Dataset {
  /** [height, width] of one sample. */
  readonly size: readonly [number, number];
  readonly classes: number;
  readonly parts: Readonly<Record<string, DataPart>>;
}

/** A file that is not a well-formed DLCD v1 file; the message is Chinese, for the cell's output. */
export class DataFormatError extends Error {}

/** Parses a DLCD v1 file. Views share the buffer (no copy). Throws DataFormatError. */
export function decodeDataset(buffer: ArrayBuffer): Dataset {
  const fail = (why: string): never => {
    throw new DataFormatError(`数据文件格式不对：${why}`);
  };
  if (buffer.byteLength > CELL_DATA_MAX_BYTES) fail(`超过 ${CELL_DATA_MAX_BYTES} 字节的上限`);
  const b = new Uint8Array(buffer);
  const view = new DataView(buffer);
  if (b.length < 9 || MAGIC.some((m, i) => b[i] !== m)) fail('开头不是 DLCD');
  if (b[4] !== 1) fail(`不认识的版本 ${b[4]}`);
  const [height, width, classes, k] = [b[5]!, b[6]!, b[7]!, b[8]!];
  if (height < 1 || width < 1 || classes < 1) fail('尺寸或类别数为 0');
  if (k < 1 || k > 8) fail(`部分的个数 ${k} 不在 1–8 之间`);
  let at = 9;
  const heads: { name: string; n: number }[] = [];
  for (let i = 0; i < k; i++) {
    const len = b[at] ?? 0;
    if (len < 1 || len > 16 || at + 1 + len + 4 > b.length) fail('文件头被截断');
    const name = String.fromCharCode(...b.subarray(at + 1, at + 1 + len));
    if (!/^[a-z]+$/.test(name) || name === 'size' || name === 'classes' || heads.some((h) => h.name === name)) fail(`部分名 "${name}" 不合法`);
    heads.push({ name, n: view.getUint32(at + 1 + len, true) });
    at += 1 + len + 4;
  }
  const sample = height * width;
  const total = heads.reduce((s, h) => s + h.n * (sample + 1), at);
  if (total !== b.length) fail(`长度应为 ${total} 字节，实际 ${b.length} 字节`);
  const parts: Record<string, DataPart> = Object.create(null) as Record<string, DataPart>;
  for (const { name, n } of heads) {
    const x = b.subarray(at, at + n * sample);
    const y = b.subarray(at + n * sample, at + n * (sample + 1));
    at += n * (sample + 1);
    for (const label of y) if (label >= classes) fail(`部分 ${name} 里有超出范围的标签 ${label}`);
    parts[name] = Object.freeze({ n, x, y });
  }
  return Object.freeze({ size: Object.freeze([height, width] as const), classes, parts: Object.freeze(parts) });
}

/**
 * The cell's view of a data set: `{ size, classes, train: { n, x, y }, val: … }` — the parts are
 * properties of their own, so a cell writes `const { train, val } = data.digits`. Every object
 * is frozen; the typed arrays can't be (JavaScript refuses to freeze a non-empty one), so a cell
 * may write into its own copy of the bytes, which lives only as long as this run.
 */
export function cellView(d: Dataset): Readonly<Record<string, unknown>> {
  return Object.freeze({ size: d.size, classes: d.classes, ...d.parts });
}
