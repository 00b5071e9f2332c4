import type { TF } from '../grader/types';

/** What the host knows about a tensor, recorded by tfjs's engine when it made the tensor. */
export interface TensorRecord {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly size: number;
  readonly dataId: object;
}

export interface TensorReader {
  /** The record of a tensor that tfjs made in this realm; undefined for anything else (a forged object). */
  recordOf(value: unknown): TensorRecord | undefined;
  /** Whether the tensor was disposed, read through tfjs's own bookkeeping. */
  isDisposed(record: TensorRecord): boolean;
  /** A copy of the values, read from the backend directly (never through the tensor's methods). */
  read(record: TensorRecord): Float32Array | Int32Array | Uint8Array;
  /** Starts recording the tensors a job makes (until endJob). */
  beginJob(): void;
  /** Disposes every tensor the job made and never disposed, and stops recording. */
  endJob(): void;
}

/**
 * Hooks tfjs's engine before any learner code runs, so that shape, dtype and values are read
 * through references captured now, never through learner objects: a patched `dataSync`,
 * a `shape` getter or a look-alike object can't change what crosses to the host.
 * Every tensor tfjs makes passes through `engine.trackTensor` (tensors and variables alike).
 */
export function createTensorReader(tf: TF): TensorReader {
  type Engine = {
    trackTensor(t: unknown, backend: unknown): void;
    disposeTensor(t: unknown): void;
    state: { tensorInfo: { has(id: object): boolean } };
    readSync(id: object): ArrayLike<number>;
  };
  const engine = tf.engine() as unknown as Engine;
  const records = new WeakMap<object, TensorRecord>();
  const ownValue = (o: object, key: string): unknown => {
    const d = Reflect.getOwnPropertyDescriptor(o, key);
    return d && 'value' in d ? d.value : undefined;
  };
  const originalTrack = engine.trackTensor;
  const readSync = engine.readSync.bind(engine);
  const tensorInfo = engine.state.tensorInfo;
  const has = tensorInfo.has.bind(tensorInfo);

  // The tensors the current job made and still holds: disposed after the job, so nothing one
  // job leaves behind (memory included) reaches the next job in the same realm.
  let live: Set<object> | null = null;
  const originalDispose = engine.disposeTensor;
  engine.disposeTensor = function (t: unknown) {
    if (live && typeof t === 'object' && t !== null) live.delete(t);
    originalDispose.call(this, t);
  };
  const disposeTensor = (t: object) => originalDispose.call(engine, t);

  engine.trackTensor = function (t: unknown, backend: unknown) {
    originalTrack.call(this, t, backend);
    if (typeof t !== 'object' || t === null) return;
    live?.add(t);
    const shape = ownValue(t, 'shape');
    const dtype = ownValue(t, 'dtype');
    const dataId = ownValue(t, 'dataId');
    if (!Array.isArray(shape) || typeof dtype !== 'string' || typeof dataId !== 'object' || dataId === null) return;
    const copy = Object.freeze(shape.slice());
    let size = 1;
    for (const d of copy) size *= d;
    records.set(t, Object.freeze({ dtype, shape: copy, size, dataId }));
  };

  return {
    recordOf: (v) => (typeof v === 'object' && v !== null ? records.get(v) : undefined),
    isDisposed: (r) => !has(r.dataId),
    read(r) {
      const values = readSync(r.dataId);
      if (r.dtype === 'int32') return Int32Array.from(values);
      if (r.dtype === 'bool') return Uint8Array.from(values);
      return Float32Array.from(values);
    },
    beginJob() {
      live = new Set();
    },
    endJob() {
      const left = live;
      live = null;
      for (const t of left ?? []) {
        const record = records.get(t);
        if (!record || !has(record.dataId) || (t as { isDisposedInternal?: unknown }).isDisposedInternal === true) continue;
        try {
          disposeTensor(t);
        } catch {
          // already gone
        }
      }
    },
  };
}
