// The page's copy of models that cells kept (train.keep): validated, saved in IndexedDB, and
// announced to the drawing pad. IndexedDB rather than localStorage: a model is a few hundred KB
// of float32 numbers, which IndexedDB stores as typed arrays as they are, while localStorage
// holds only strings (base64 would add a third) in ≈ 5 MB shared with the learner's progress.
//
// Reading never destroys anything: a record that is broken or from another version of the
// course is reported (in Chinese) and left where it is until a cell keeps a new model under the
// same name; no other record, and nothing of the progress store, is touched.
import { checkKeptModel, keptModelSchema, KEPT_MODEL_VERSION, KeptModelError, type KeptModel, type LayerPlan } from './model-format';

const DB_NAME = 'dlc-capstone';
const STORE = 'models';
/** The wrapper format around a kept model in IndexedDB. */
const RECORD_FORMAT = 'dlc-model-record';

/** Announced on `document` when a model was kept (detail: { name }). */
export const MODEL_KEPT_EVENT = 'dlc:model-kept';

export interface LoadedModel {
  model: KeptModel;
  plan: LayerPlan[];
  savedAt: string;
  /** False when the browser refused to store it: it lives only as long as this page. */
  persisted: boolean;
}

export type LoadResult =
  | { ok: true; loaded: LoadedModel }
  | { ok: false; reason: 'none' }
  /** Written by another version of the course: `found` is its format version, if readable. */
  | { ok: false; reason: 'version'; found: string }
  | { ok: false; reason: 'broken'; detail: string }
  | { ok: false; reason: 'unavailable' };

export type SaveResult = { ok: true; persisted: boolean; loaded: LoadedModel } | { ok: false; detail: string };

/** Models kept during this page's life (also when storage is unavailable). */
const memory = new Map<string, LoadedModel>();

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME, 1);
    } catch (e) {
      reject(e);
      return;
    }
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('blocked'));
  });
}

function request<T>(db: IDBDatabase, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = run(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? req.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}

/** Parses what was read from storage (or received from a realm): a checked model, or why not. */
export function readRecord(raw: unknown): LoadResult {
  if (raw === undefined || raw === null) return { ok: false, reason: 'none' };
  if (typeof raw !== 'object') return { ok: false, reason: 'broken', detail: '记录不是对象' };
  const r = raw as { format?: unknown; version?: unknown; savedAt?: unknown; model?: unknown };
  if (r.format !== RECORD_FORMAT) return { ok: false, reason: 'broken', detail: '不是课程保存的模型' };
  const version = (r.model as { version?: unknown } | undefined)?.version;
  if (r.version !== KEPT_MODEL_VERSION || version !== KEPT_MODEL_VERSION) return { ok: false, reason: 'version', found: String(version ?? r.version) };
  const parsed = keptModelSchema.safeParse(r.model);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'broken', detail: `${issue?.path.join('.') || '模型'}：${issue?.message ?? '格式不对'}` };
  }
  try {
    const plan = checkKeptModel(parsed.data);
    return { ok: true, loaded: { model: parsed.data, plan, savedAt: typeof r.savedAt === 'string' ? r.savedAt : '', persisted: true } };
  } catch (e) {
    return { ok: false, reason: 'broken', detail: e instanceof KeptModelError ? e.message : '无法检查' };
  }
}

/** Validates a model a cell kept, saves it, and tells the page. Never throws. */
export async function saveModel(model: KeptModel): Promise<SaveResult> {
  const record = { format: RECORD_FORMAT, version: KEPT_MODEL_VERSION, savedAt: new Date().toISOString(), model };
  const checked = readRecord(record);
  if (!checked.ok) return { ok: false, detail: checked.reason === 'broken' ? checked.detail : checked.reason };
  let persisted = false;
  try {
    const db = await openDb();
    try {
      await request(db, 'readwrite', (s) => s.put(record, model.name));
      persisted = true;
    } finally {
      db.close();
    }
  } catch {
    // private browsing, quota, storage switched off: the model still works on this page
  }
  const loaded = { ...checked.loaded, persisted };
  memory.set(model.name, loaded);
  document.dispatchEvent(new CustomEvent(MODEL_KEPT_EVENT, { detail: { name: model.name } }));
  return { ok: true, persisted, loaded };
}

/** The model kept under `name`: this page's copy first, else the saved one. */
export async function loadModel(name: string): Promise<LoadResult> {
  const mem = memory.get(name);
  if (mem) return { ok: true, loaded: mem };
  let db: IDBDatabase;
  try {
    db = await openDb();
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  try {
    return readRecord(await request(db, 'readonly', (s) => s.get(name)));
  } catch {
    return { ok: false, reason: 'unavailable' };
  } finally {
    db.close();
  }
}
