/**
 * Data for cells (scripts/build-data.mjs → src/sandbox/cell-data.ts): the DLCD format round-trips,
 * the realm's decoder refuses malformed or oversized files, and the fixed-seed split of the 10,000
 * digits is balanced and disjoint (the held-out part shares no sample with what the page gets).
 */
import { describe, expect, it } from 'vitest';
import { encodeDataset, readDigits, split } from '../../scripts/build-data.mjs';
import { CELL_DATA_MAX_BYTES, cellDataSchema, cellView, decodeDataset } from '../../src/sandbox/cell-data';

const tiny = () =>
  encodeDataset({
    height: 2,
    width: 3,
    classes: 4,
    parts: [
      { name: 'train', pixels: new Uint8Array([0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]), labels: new Uint8Array([3, 0]) },
      { name: 'val', pixels: new Uint8Array([9, 8, 7, 6, 5, 4]), labels: new Uint8Array([2]) },
    ],
  }) as Buffer;
const buf = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('DLCD data files', () => {
  it('round-trip: the cell sees { size, classes, train: { n, x, y }, val }', () => {
    const d = decodeDataset(buf(tiny()));
    expect(d.size).toEqual([2, 3]);
    expect(d.classes).toBe(4);
    expect(d.parts['train']!.n).toBe(2);
    expect([...d.parts['train']!.x]).toEqual([0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
    expect([...d.parts['train']!.y]).toEqual([3, 0]);
    expect([...d.parts['val']!.x]).toEqual([9, 8, 7, 6, 5, 4]);
    const view = cellView(d) as { train: { n: number }; size: number[] };
    expect(view.train.n).toBe(2);
    expect(Object.isFrozen(view) && Object.isFrozen(view.train) && Object.isFrozen(view.size)).toBe(true);
  });

  it('refuses a wrong magic, a truncated or padded file, an out-of-range label, and more than the cap', () => {
    const good = tiny();
    const bad = (edit: (b: Uint8Array) => Uint8Array) => () => decodeDataset(buf(edit(Uint8Array.from(good))));
    expect(bad((b) => ((b[0] = 0x58), b))).toThrow('开头不是 DLCD');
    expect(bad((b) => b.subarray(0, b.length - 1))).toThrow('长度应为');
    expect(bad((b) => Uint8Array.from([...b, 0]))).toThrow('长度应为');
    expect(bad((b) => ((b[b.length - 1] = 4), b))).toThrow('超出范围的标签 4');
    expect(() => decodeDataset(new ArrayBuffer(CELL_DATA_MAX_BYTES + 1))).toThrow('上限');
    expect(cellDataSchema.safeParse({ key: 'digits', bytes: new ArrayBuffer(CELL_DATA_MAX_BYTES + 1) }).success).toBe(false);
    expect(cellDataSchema.safeParse({ key: 'digits', bytes: new Uint8Array(4) }).success).toBe(false);
    expect(cellDataSchema.safeParse({ key: '__proto__', bytes: new ArrayBuffer(4) }).success).toBe(false);
  });

  it('splits the 10,000 digits with a fixed seed: balanced, disjoint, the same every time', () => {
    const digits = readDigits() as Uint8Array[][];
    expect(digits.flat()).toHaveLength(10_000);
    const parts = split(digits) as Record<string, { px: Uint8Array; label: number }[]>;
    const perClass = (list: { label: number }[]) => Array.from({ length: 10 }, (_, c) => list.filter((s) => s.label === c).length);
    expect(perClass(parts['heldout']!)).toEqual(Array(10).fill(100));
    expect(perClass(parts['test']!)).toEqual(Array(10).fill(100));
    expect(perClass(parts['val']!)).toEqual(Array(10).fill(100));
    expect(perClass(parts['smallTrain']!)).toEqual(Array(10).fill(50));
    expect(perClass(parts['smallVal']!)).toEqual(Array(10).fill(10));
    expect(parts['train']).toHaveLength(7_000);
    // Disjoint by identity (the same sample object is never in two parts)…
    const owner = new Map<Uint8Array, string>();
    for (const name of ['heldout', 'test', 'val', 'train']) {
      for (const s of parts[name]!) {
        expect(owner.get(s.px), `${name}`).toBeUndefined();
        owner.set(s.px, name);
      }
    }
    // …and the small file draws only from train and validation.
    expect(parts['smallTrain']!.every((s) => owner.get(s.px) === 'train')).toBe(true);
    expect(parts['smallVal']!.every((s) => owner.get(s.px) === 'val')).toBe(true);
    const again = split(digits) as typeof parts;
    expect(again['heldout']!.map((s) => s.label)).toEqual(parts['heldout']!.map((s) => s.label));
    expect(again['heldout']![0]!.px).toBe(parts['heldout']![0]!.px);
  });
});
