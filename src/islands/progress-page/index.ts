/**
 * 我的进度: renders the store's records, keeps the learner's name and id, downloads the export
 * and a CSV, and imports an export with a confirmation step (conflicts are chosen per exercise).
 */
import { t } from '../../i18n/t';
import { BACKUP_REMINDER_DAYS, backupState } from '../../progress/backup';
import { buildExport, exportFileName } from '../../progress/export-format';
import { planImport, type ImportPlanEntry } from '../../progress/import';
import { createProgressStore, type ExerciseProgress } from '../../progress/store';
import { PROGRESS_EVENT } from '../../progress/events';
import { toCsv } from '../../teacher/csv';
import { describeExportError, describeExportWarning } from '../../teacher/messages';
import { checkExportSize, readExport } from '../../teacher/read-export';
import { download } from './download';

interface PageData {
  courseBuild: string;
  exercises: { id: string; title: string; chapter: string; href: string }[];
}

/** Where the learner's name and id live (this browser only). */
const STUDENT_KEY = 'dlc:student';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function formatTime(iso: string | null): string {
  if (!iso) return t('progressPage.never');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? t('progressPage.never') : d.toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short' });
}

const STATUS_TEXT = () => ({ 'not-started': t('progress.status.notStarted'), 'in-progress': t('progress.status.inProgress'), passed: t('progress.status.passed') });

export function mountProgressPage(): void {
  const data = JSON.parse($('pp-data').textContent ?? '{}') as PageData;
  const known = new Set(data.exercises.map((e) => e.id));
  const store = createProgressStore();
  const status = $('pp-status');
  const say = (text: string): void => {
    status.textContent = text;
  };
  if (!store.persistent) $('pp-storage').hidden = false;

  /* ---------- who ---------- */
  const nameInput = $<HTMLInputElement>('pp-name');
  const idInput = $<HTMLInputElement>('pp-id');
  const idError = $('pp-id-error');
  try {
    const saved = JSON.parse(localStorage.getItem(STUDENT_KEY) ?? 'null') as { name?: unknown; id?: unknown } | null;
    if (typeof saved?.name === 'string') nameInput.value = saved.name;
    if (typeof saved?.id === 'string') idInput.value = saved.id;
  } catch {
    /* nothing saved, or storage refused */
  }
  const saveStudent = () => {
    try {
      localStorage.setItem(STUDENT_KEY, JSON.stringify({ name: nameInput.value, id: idInput.value }));
    } catch {
      /* kept on the page only */
    }
  };
  nameInput.addEventListener('input', saveStudent);
  idInput.addEventListener('input', () => {
    saveStudent();
    if (idInput.value.trim()) showIdError(null);
  });
  $('pp-student').addEventListener('submit', (e) => e.preventDefault());
  function showIdError(message: string | null) {
    idError.hidden = message === null;
    idError.textContent = message ?? '';
    if (message) idInput.setAttribute('aria-invalid', 'true');
    else idInput.removeAttribute('aria-invalid');
  }
  const student = () => ({ name: nameInput.value.trim(), id: idInput.value.trim() });

  /* ---------- table ---------- */
  const records = (): ExerciseProgress[] => store.list().filter((r) => known.has(r.exerciseId));
  function render() {
    const byId = new Map(records().map((r) => [r.exerciseId, r]));
    const text = STATUS_TEXT();
    let passed = 0;
    let inProgress = 0;
    for (const e of data.exercises) {
      const row = document.querySelector<HTMLTableRowElement>(`tr[data-row="${CSS.escape(e.id)}"]`);
      const r = byId.get(e.id);
      if (r?.status === 'passed') passed++;
      else if (r?.status === 'in-progress') inProgress++;
      if (!row) continue;
      const cell = (col: string) => row.querySelector<HTMLElement>(`[data-col="${col}"]`)!;
      cell('status').textContent = text[r?.status ?? 'not-started'];
      cell('status').dataset['status'] = r?.status ?? 'not-started';
      cell('attempts').textContent = String(r?.attempts ?? 0);
      cell('last').textContent = formatTime(r?.lastAttemptAt ?? null);
      cell('passed').textContent = formatTime(r?.passedAt ?? null);
    }
    $('pp-summary').textContent = t('progressPage.summary', { passed, total: data.exercises.length, inProgress });
    renderBackup();
  }

  /* ---------- backup reminder (src/progress/backup.ts) ---------- */
  function renderBackup() {
    const last = store.lastExportAt();
    const state = backupState(records(), last, new Date());
    $('pp-last-export').textContent = last ? t('pwa.backup.lastExport', { when: formatTime(last) }) : t('pwa.backup.neverExported');
    $('pp-backup-remind').hidden = !state.remind;
    $('pp-backup-remind-text').textContent = state.remind
      ? t('pwa.backup.remind', { count: state.unexported, since: formatTime(state.oldestUnexportedAt), days: BACKUP_REMINDER_DAYS })
      : '';
  }
  render();
  store.subscribe(render);
  window.addEventListener(PROGRESS_EVENT, render);

  /* ---------- export ---------- */
  const requireId = (): boolean => {
    const s = student();
    if (!s.id) {
      showIdError(t('progressPage.idMissing'));
      idInput.focus();
      return false;
    }
    showIdError(null);
    return true;
  };
  $('pp-export').addEventListener('click', () => {
    if (!requireId()) return;
    const now = new Date();
    const file = buildExport(records(), student(), data.courseBuild, known, now);
    const name = exportFileName(file.student.id, now);
    download(name, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
    store.markExported();
    renderBackup();
    say(t('progressPage.exported', { file: name, count: file.exercises.length }));
  });
  $('pp-export-csv').addEventListener('click', () => {
    if (!requireId()) return;
    const now = new Date();
    const byId = new Map(records().map((r) => [r.exerciseId, r]));
    const s = student();
    const rows = data.exercises.map((e) => {
      const r = byId.get(e.id);
      return [s.id, s.name, e.id, e.title, r?.status ?? 'not-started', r?.attempts ?? 0, r?.firstAttemptAt ?? '', r?.lastAttemptAt ?? '', r?.passedAt ?? '', r?.lastResult ? r.lastResult.score : ''];
    });
    const csv = toCsv(['student_id', 'name', 'exercise', 'title', 'status', 'attempts', 'first_attempt_at', 'last_attempt_at', 'passed_at', 'last_score'], rows);
    const name = exportFileName(s.id, now).replace(/\.dlcourse\.json$/, '.csv');
    // A BOM so spreadsheet programs read the Chinese names as UTF-8.
    download(name, `\ufeff${csv}`, 'text/csv');
    say(t('progressPage.exported', { file: name, count: rows.length }));
  });

  /* ---------- import ---------- */
  const fileInput = $<HTMLInputElement>('pp-import');
  const planBox = $('pp-plan');
  $('pp-import-btn').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async (): Promise<void> => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    planBox.hidden = true;
    planBox.replaceChildren();
    const tooBig = checkExportSize(file.size);
    if (tooBig) {
      say(t('progressPage.importError', { file: file.name, message: describeExportError(tooBig) }));
      return;
    }
    say(t('progressPage.importRead', { file: file.name }));
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      {
      say(t('progressPage.importError', { file: file.name, message: String((e as Error).message) }));
      return;
    }
    }
    const read = readExport(text, known);
    if (!read.ok) {
      say(t('progressPage.importError', { file: file.name, message: describeExportError(read.error) }));
      return;
    }
    const plan = planImport(read.value, (id) => store.get(id), known);
    showPlan(file.name, read.value.student, plan, read.warnings.map(describeExportWarning));
  });

  function showPlan(fileName: string, fileStudent: { name: string; id: string }, plan: ImportPlanEntry[], warnings: string[]) {
    const count = (k: string) => plan.filter((p) => p.kind === k).length;
    const box = planBox;
    const p = (text: string, cls?: string) => {
      const el = document.createElement('p');
      el.textContent = text;
      if (cls) el.className = cls;
      return el;
    };
    box.append(p(t('progressPage.importPlan', { file: fileName, count: plan.length, new: count('new'), merge: count('merge'), same: count('same'), conflict: count('conflict') })));
    const local = student();
    if (local.id && fileStudent.id !== local.id) box.append(p(t('progressPage.importOtherStudent', { fileId: fileStudent.id, fileName: fileStudent.name, localId: local.id }), 'pp-warn'));
    for (const w of warnings) box.append(p(w, 'pp-warn'));
    const conflicts = plan.filter((e) => e.kind === 'conflict');
    const form = document.createElement('form');
    form.className = 'pp-plan-form';
    if (conflicts.length) {
      form.append(p(t('progressPage.importConflicts')));
      for (const c of conflicts) {
        const title = data.exercises.find((e) => e.id === c.id)?.title ?? c.id;
        const fs = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.textContent = title;
        fs.append(legend);
        const mine = store.get(c.id);
        for (const side of ['local', 'imported'] as const) {
          const label = document.createElement('label');
          const input = document.createElement('input');
          input.type = 'radio';
          input.name = `keep-${c.id}`;
          input.value = side;
          input.checked = c.newer === side;
          const when = side === 'local' ? formatTime(mine.latestCodeAt ?? mine.updatedAt) : formatTime(c.entry.lastAttemptAt);
          const text = document.createElement('span');
          text.textContent = t(side === 'local' ? 'progressPage.keepLocal' : 'progressPage.keepImported', { when }) + (c.newer === side ? ` · ${t('progressPage.newerTag')}` : '');
          label.append(input, text);
          fs.append(label);
        }
        form.append(fs);
      }
    }
    const actions = document.createElement('div');
    actions.className = 'pp-actions';
    const ok = document.createElement('button');
    ok.type = 'submit';
    ok.className = 'btn btn-primary';
    ok.textContent = t('progressPage.importConfirm');
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'btn btn-ghost';
    cancel.textContent = t('progressPage.importCancel');
    actions.append(ok, cancel);
    form.append(actions);
    box.append(form);
    box.hidden = false;
    ok.focus();
    cancel.addEventListener('click', () => {
      box.hidden = true;
      box.replaceChildren();
      say(t('progressPage.importCancelled'));
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      let saved = 0;
      let failed = 0;
      for (const entry of plan) {
        const choice = form.querySelector<HTMLInputElement>(`input[name="keep-${CSS.escape(entry.id)}"]:checked`)?.value;
        const keep = entry.kind === 'conflict' ? (choice === 'imported' ? 'imported' : 'local') : 'local';
        const r = store.importEntry(entry.id, entry.entry, keep);
        if (r.ok) saved++;
        else failed++;
      }
      box.hidden = true;
      box.replaceChildren();
      if (!local.id && fileStudent.id) {
        idInput.value = fileStudent.id;
        if (!nameInput.value) nameInput.value = fileStudent.name;
        saveStudent();
      }
      render();
      window.dispatchEvent(new Event(PROGRESS_EVENT));
      say(failed ? t('progressPage.importPartial', { ok: saved, failed }) : t('progressPage.importDone', { count: saved }));
    });
  }
}
