import { DRAFT_PREFIX } from './draft-key';

interface DraftRecord {
  v: 1;
  code: string;
  savedAt: string;
}

/** The learner's saved code for a cell, or null (none, unreadable, or storage refused). */
export function loadDraft(cellId: string): string | null {
  try {
    const raw = localStorage.getItem(DRAFT_PREFIX + cellId);
    if (raw === null) return null;
    const rec = JSON.parse(raw) as Partial<DraftRecord> | null;
    return rec && rec.v === 1 && typeof rec.code === 'string' ? rec.code : null;
  } catch {
    return null;
  }
}

/** Saves (or, when the code equals the original, removes) a draft. False when storage refused. */
export function saveDraft(cellId: string, code: string, original: string): boolean {
  try {
    if (code === original) localStorage.removeItem(DRAFT_PREFIX + cellId);
    else localStorage.setItem(DRAFT_PREFIX + cellId, JSON.stringify({ v: 1, code, savedAt: new Date().toISOString() } satisfies DraftRecord));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(cellId: string): void {
  try {
    localStorage.removeItem(DRAFT_PREFIX + cellId);
  } catch {
    // nothing stored
  }
}
