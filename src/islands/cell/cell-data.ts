// <Cell data="…">: the page fetches the cell's data file when the cell first runs (same origin,
// never before an interaction), inflates it with the browser's own DecompressionStream, checks
// its size and header, and keeps it for the page's later runs. Each run gets a fresh copy to
// transfer to the realm (a transferred buffer is gone from this side), so runs never share bytes.
// The realm checks everything again (src/sandbox/cell-data.ts): the page is not trusted there.
import { CELL_DATA_MAX_BYTES } from '../../sandbox/cell-data';

/** A data file could not be used; `reason` is Chinese, for the cell's output. */
export class CellDataError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const cache = new Map<string, Promise<ArrayBuffer>>();

/** The inflated bytes of the data file at `url` (expected to be `bytes` long), as a buffer this run owns. */
export async function loadCellData(url: string, bytes: number): Promise<ArrayBuffer> {
  let p = cache.get(url);
  if (!p) {
    p = fetchData(url, bytes);
    cache.set(url, p);
    // A failed download is not remembered: the next run tries again.
    p.catch(() => cache.delete(url));
  }
  return (await p).slice(0);
}

async function fetchData(url: string, bytes: number): Promise<ArrayBuffer> {
  if (!(bytes > 0 && bytes <= CELL_DATA_MAX_BYTES)) throw new CellDataError(`大小 ${bytes} 字节超出上限`);
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new CellDataError(String((e as Error)?.message ?? e));
  }
  if (!res.ok) throw new CellDataError(`HTTP ${res.status}`);
  const served = new Uint8Array(await res.arrayBuffer());
  if (served.length > CELL_DATA_MAX_BYTES) throw new CellDataError(`超过 ${CELL_DATA_MAX_BYTES} 字节的上限`);
  // The build writes gzip; a host that already inflated it in transit sends the plain bytes.
  const gz = served[0] === 0x1f && served[1] === 0x8b;
  if (!gz) {
    if (served.length !== bytes) throw new CellDataError(`有 ${served.length} 字节，预期 ${bytes} 字节`);
    return check(served);
  }
  const stream = new Blob([served]).stream().pipeThrough(new DecompressionStream('gzip'));
  const out = new Uint8Array(bytes);
  let at = 0;
  const reader = stream.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new CellDataError('解压失败');
    }
    const { done, value } = chunk;
    if (done) break;
    if (at + value.length > bytes) {
      void reader.cancel();
      throw new CellDataError(`比预期的 ${bytes} 字节长`);
    }
    out.set(value, at);
    at += value.length;
  }
  if (at !== bytes) throw new CellDataError(`只有 ${at} 字节，预期 ${bytes} 字节`);
  return check(out);
}

function check(b: Uint8Array): ArrayBuffer {
  if (String.fromCharCode(...b.subarray(0, 4)) !== 'DLCD') throw new CellDataError('不是课程的数据文件');
  const buf = b.buffer as ArrayBuffer;
  return b.byteOffset === 0 && b.byteLength === buf.byteLength ? buf : buf.slice(b.byteOffset, b.byteOffset + b.byteLength);
}
