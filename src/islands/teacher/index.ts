/**
 * 批改作业: the teacher's page. Files are validated one by one (a bad file is its own error row),
 * students are merged (newest export wins), and every submission is re-graded with a fresh seed
 * through the browser grader's pool (Web Workers inside the sandboxed iframe; student code never
 * runs in this page's realm). Everything from a file is rendered with textContent, never HTML.
 */
import type { ExerciseMeta } from '../../grader/schema';
import { seedsPerExercise } from '../../runtime/grade-many';
import { randomSeed } from '../../grader/rng';
import type { GradeReport } from '../../grader/types';
import { t } from '../../i18n/t';
import type { BrowserGrader } from '../../worker/client';
import { buildClass, codeToGrade, gradeTasks, type ClassStudent, type GradeTask, type LoadedExport } from '../../teacher/class';
import { describeExportError, describeExportWarning, describeFlag, describeSuperseded } from '../../teacher/messages';
import { checkExportSize, readExport } from '../../teacher/read-export';
import { studentResult, toGradesCsv, toGradescope, type ClassResults, type StudentResult } from '../../teacher/results';
import type { Verdict } from '../../teacher/verdict';
import { download } from '../progress-page/download';
import { createPlainEditor } from '../editor/plain';
import { renderReport } from '../editor/report';
import { renderInsights } from './insights-view';

/** More files than a class needs is almost certainly a wrong folder. */
const MAX_FILES = 1000;
const MARK: Record<Verdict, string> = { verified: '✓', mismatch: '⚠', 'not-passed': '✗', 'not-attempted': '–' };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

type CellState = 'pending' | 'running' | 'done';

export function mountTeacherPage(): void {
  const { exercises: metas } = JSON.parse($('tc-data').textContent ?? '{}') as { exercises: ExerciseMeta[] };
  const ids = metas.map((m) => m.id);
  const known = new Set(ids);
  const metaById = new Map(metas.map((m) => [m.id, m]));

  const files = new Map<string, LoadedExport>();
  const fileRows: { name: string; kind: 'ok' | 'error' | 'warning'; text: string }[] = [];
  let students: ClassStudent[] = [];
  /** student id → exercise id → report (kept across re-grades until a new one replaces it). */
  const reports = new Map<string, Map<string, GradeReport>>();
  const states = new Map<string, CellState>();
  const key = (s: string, e: string) => `${s}\u0000${e}`;
  let grader: BrowserGrader | undefined;
  let controller: AbortController | undefined;
  let sort: { by: string; dir: 1 | -1 } = { by: 'student', dir: 1 };

  const getGrader = async (): Promise<BrowserGrader> => {
    const cores = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
    grader ??= (await import('../../worker/client')).createBrowserGrader({ size: cores });
    return grader;
  };
  // Works offline once loaded: fetch everything re-grading and the charts need while online
  // (the engine, every exercise's cases, both learner realm builds, chart.js). <html data-teacher-ready>
  // says when that is done.
  const warm = async () => {
    try {
      const g = await getGrader();
      await Promise.all([g.warmAll(metas), import('chart.js')]);
      document.documentElement.dataset['teacherReady'] = '';
    } catch {
      /* offline before it finished: loading happens on demand instead */
    }
  };
  if ('requestIdleCallback' in window) requestIdleCallback(() => void warm(), { timeout: 2000 });
  else setTimeout(() => void warm(), 500);

  /* ---------------- loading ---------------- */
  const loadStatus = $('tc-load-status');
  const drop = $('tc-drop');
  const input = $<HTMLInputElement>('tc-files');
  $('tc-pick').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const list = [...(input.files ?? [])];
    input.value = '';
    void loadFiles(list);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.dataset['over'] = '';
  });
  drop.addEventListener('dragleave', () => delete drop.dataset['over']);
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    delete drop.dataset['over'];
    void loadFiles([...(e.dataTransfer?.files ?? [])]);
  });

  async function loadFiles(list: File[]) {
    if (list.length === 0) return;
    if (list.length > MAX_FILES) {
      loadStatus.textContent = t('teacher.tooMany', { max: MAX_FILES });
      return;
    }
    let ok = 0;
    let bad = 0;
    for (const file of list) {
      // A file's own row replaces the row of an earlier file with the same name.
      for (let i = fileRows.length - 1; i >= 0; i--) if (fileRows[i]!.name === file.name) fileRows.splice(i, 1);
      files.delete(file.name);
      // Refused by size before a byte is read: a 50 MB file never reaches memory.
      const tooBig = checkExportSize(file.size);
      if (tooBig) {
        bad++;
        fileRows.push({ name: file.name, kind: 'error', text: describeExportError(tooBig) });
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        bad++;
        fileRows.push({ name: file.name, kind: 'error', text: t('teacher.errors.unreadable', { detail: String((e as Error).message) }) });
        continue;
      }
      const r = readExport(text, known);
      if (!r.ok) {
        bad++;
        fileRows.push({ name: file.name, kind: 'error', text: describeExportError(r.error) });
        continue;
      }
      ok++;
      files.set(file.name, { file: file.name, value: r.value, warnings: r.warnings });
      fileRows.push({ name: file.name, kind: 'ok', text: t('teacher.fileOk', { name: r.value.student.name, id: r.value.student.id, count: r.value.exercises.length }) });
      for (const w of r.warnings) fileRows.push({ name: file.name, kind: 'warning', text: describeExportWarning(w) });
    }
    students = buildClass([...files.values()], known);
    for (const s of students) {
      for (const f of s.superseded) fileRows.push({ name: f.file, kind: 'warning', text: describeSuperseded(s.id, f) });
      for (const f of s.flags) fileRows.push({ name: s.file, kind: 'warning', text: describeFlag(f) });
    }
    loadStatus.textContent = t('teacher.loaded', { ok, bad });
    renderFiles();
    $('tc-run').hidden = students.length === 0;
    $('tc-results').hidden = students.length === 0;
    renderTable();
    if (students.length > 0) void regrade();
  }

  function renderFiles() {
    const box = $('tc-files-box');
    const ul = $('tc-file-list');
    ul.replaceChildren(
      ...fileRows.map((r) => {
        const li = el('li', undefined, { 'data-kind': r.kind, 'data-file': r.name });
        li.append(el('strong', r.name), document.createTextNode(`：${r.text}`));
        return li;
      }),
    );
    box.hidden = fileRows.length === 0;
    // Problems are shown without a click.
    if (fileRows.some((r) => r.kind === 'error')) (box as HTMLDetailsElement).open = true;
  }

  /* ---------------- re-grading ---------------- */
  const progress = $<HTMLProgressElement>('tc-progress');
  const progressText = $('tc-progress-text');
  const regradeBtn = $<HTMLButtonElement>('tc-regrade');
  const cancelBtn = $<HTMLButtonElement>('tc-cancel');
  regradeBtn.addEventListener('click', () => void regrade());
  cancelBtn.addEventListener('click', () => controller?.abort());

  async function regrade() {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const tasks: GradeTask[] = gradeTasks(students, ids);
    for (const task of tasks) states.set(key(task.student, task.exercise), 'pending');
    renderTable();
    if (tasks.length === 0) {
      progressText.textContent = t('teacher.noGrade');
      return;
    }
    grader ??= await getGrader();
    if (mine.signal.aborted) return;
    regradeBtn.disabled = true;
    cancelBtn.disabled = false;
    progress.max = tasks.length;
    progress.value = 0;
    const started = performance.now();
    const showProgress = (done: number) => {
      progress.value = done;
      const elapsed = (performance.now() - started) / 1000;
      const eta = done > 0 && done < tasks.length ? t('teacher.eta', { seconds: Math.ceil((elapsed / done) * (tasks.length - done)) }) : '';
      progressText.textContent = t('teacher.progress', { done, total: tasks.length }) + eta;
    };
    showProgress(0);
    // One student's submissions share a realm; one fresh seed per exercise for the whole run.
    const seeds = seedsPerExercise(tasks.map((task) => task.exercise), randomSeed);
    const submissions = tasks.map((task) => ({ meta: metaById.get(task.exercise)!, code: task.code, seed: seeds.get(task.exercise)!, group: task.student }));
    // Only submissions that were graded move the bar: after 取消 the queued ones come back as
    // cancelled, and the bar stops where grading stopped.
    let graded = 0;
    await grader.gradeMany(submissions, {
      signal: mine.signal,
      onProgress: (_done, _total, index, report) => {
        const task = tasks[index]!;
        if (report.error?.kind === 'cancelled') return;
        const m = reports.get(task.student) ?? new Map<string, GradeReport>();
        m.set(task.exercise, report);
        reports.set(task.student, m);
        states.set(key(task.student, task.exercise), 'done');
        showProgress(++graded);
        updateCell(task.student, task.exercise);
      },
      onRetry: () => (progressText.textContent = t('teacher.regradeRetry')),
    });
    if (controller !== mine) return;
    regradeBtn.disabled = false;
    cancelBtn.disabled = true;
    const done = tasks.filter((task) => states.get(key(task.student, task.exercise)) === 'done').length;
    progress.value = done;
    progressText.textContent = mine.signal.aborted
      ? t('teacher.regradeCancelled', { done, total: tasks.length })
      : t('teacher.regradeDone', { total: tasks.length, seconds: ((performance.now() - started) / 1000).toFixed(1) });
    progress.dataset['state'] = mine.signal.aborted ? 'cancelled' : 'done';
    renderTable();
    void renderInsights($('tc-insight'), $('tc-insight-body'), results().students, metas);
  }

  /* ---------------- results ---------------- */
  /** Results as the downloads see them: cells still pending count as their last re-grade, or none. */
  const results = (): ClassResults => ({
    files: fileRows.filter((r) => r.kind !== 'warning').length,
    students: students.map((s) => studentResult(s, ids, reports.get(s.id) ?? new Map())),
    errors: fileRows.filter((r) => r.kind === 'error').map((r) => ({ file: r.name, message: r.text })),
  });
  const cellState = (s: ClassStudent, exercise: string): CellState | 'none' =>
    codeToGrade(s.exercises.get(exercise)) === null ? 'none' : (states.get(key(s.id, exercise)) ?? 'pending');

  $('tc-csv').addEventListener('click', () => download(`regrade-${today()}.csv`, `\ufeff${toGradesCsv(results())}`, 'text/csv'));
  $('tc-json').addEventListener('click', () => download(`regrade-${today()}.json`, `${JSON.stringify(toGradescope(results()), null, 2)}\n`, 'application/json'));

  /* ---------------- the table ---------------- */
  const table = $<HTMLTableElement>('tc-table');
  const filter = $<HTMLInputElement>('tc-filter');
  const verdictFilter = $<HTMLSelectElement>('tc-verdict-filter');
  filter.addEventListener('input', () => renderTable());
  verdictFilter.addEventListener('change', () => renderTable());

  const VERDICT_RANK: Record<Verdict, number> = { verified: 3, 'not-passed': 1, mismatch: 0, 'not-attempted': 2 };
  const total = (r: StudentResult) => r.cells.filter((c) => c.verdict === 'verified').length;

  function cellLabel(s: ClassStudent, exercise: string, r: StudentResult): { mark: string; verdict: Verdict | null; state: CellState | 'none'; label: string } {
    const state = cellState(s, exercise);
    const c = r.cells[ids.indexOf(exercise)]!;
    const title = metaById.get(exercise)?.title ?? exercise;
    if (state === 'pending' || state === 'running') {
      const text = t('teacher.pending');
      return { mark: '…', verdict: null, state, label: t('teacher.cellLabel', { student: s.name || s.id, exercise: title, verdict: text }) };
    }
    return { mark: MARK[c.verdict], verdict: c.verdict, state, label: t('teacher.cellLabel', { student: s.name || s.id, exercise: title, verdict: t(`teacher.verdict.${c.verdict}`) }) };
  }

  function renderTable() {
    const all = results().students;
    const q = filter.value.trim().toLowerCase();
    const v = verdictFilter.value as Verdict | '';
    let rows = students.map((s, i) => ({ s, r: all[i]! }));
    if (q) rows = rows.filter(({ s }) => s.id.toLowerCase().includes(q) || s.name.toLowerCase().includes(q));
    if (v) rows = rows.filter(({ s, r }) => r.cells.some((c, j) => c.verdict === v && cellState(s, ids[j]!) !== 'pending'));
    rows.sort((a, b) => {
      let d = 0;
      if (sort.by === 'student') d = a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0;
      else if (sort.by === 'total') d = total(a.r) - total(b.r);
      else {
        const j = ids.indexOf(sort.by);
        d = VERDICT_RANK[a.r.cells[j]!.verdict] - VERDICT_RANK[b.r.cells[j]!.verdict];
      }
      return d * sort.dir;
    });

    const head = el('thead');
    const hr = el('tr');
    const sortable = (by: string, text: string, title?: string) => {
      const th = el('th', undefined, { scope: 'col' });
      if (sort.by === by) th.setAttribute('aria-sort', sort.dir === 1 ? 'ascending' : 'descending');
      const b = el('button', text, { type: 'button', 'data-sort': by, title: title ?? t('teacher.sortBy') });
      b.addEventListener('click', () => {
        sort = { by, dir: sort.by === by ? (sort.dir === 1 ? -1 : 1) : by === 'student' ? 1 : -1 };
        renderTable();
        table.querySelector<HTMLButtonElement>(`button[data-sort="${CSS.escape(by)}"]`)?.focus();
      });
      th.append(b);
      return th;
    };
    hr.append(sortable('student', t('teacher.student')));
    for (const m of metas) hr.append(sortable(m.id, m.id, m.title));
    hr.append(sortable('total', t('teacher.total')));
    head.append(hr);

    const body = el('tbody');
    for (const { s, r } of rows) {
      const tr = el('tr', undefined, { 'data-student': s.id });
      const th = el('th', undefined, { scope: 'row' });
      th.append(el('span', s.name || '—'), el('br'), el('small', s.id));
      tr.append(th);
      for (const m of metas) {
        const td = el('td');
        const info = cellLabel(s, m.id, r);
        const b = el('button', info.mark, { type: 'button', class: 'tc-cell', 'aria-label': info.label, title: info.label, 'data-exercise': m.id, 'data-state': info.state });
        if (info.verdict) b.dataset['verdict'] = info.verdict;
        b.addEventListener('click', () => openDetail(s, m.id));
        td.append(b);
        tr.append(td);
      }
      tr.append(el('td', `${total(r)} / ${ids.length}`, { 'data-total': '' }));
      body.append(tr);
    }

    const foot = el('tfoot');
    const fr = el('tr');
    fr.append(el('th', t('teacher.passRate'), { scope: 'row' }));
    ids.forEach((_, j) => {
      const verified = all.filter((r) => r.cells[j]!.verdict === 'verified').length;
      fr.append(el('td', all.length ? `${Math.round((verified / all.length) * 100)}%` : '—', { 'data-rate': ids[j]! }));
    });
    fr.append(el('td', ''));
    foot.append(fr);
    table.replaceChildren(head, body, foot);
  }

  function updateCell(student: string, exercise: string) {
    const row = table.querySelector<HTMLTableRowElement>(`tr[data-student="${CSS.escape(student)}"]`);
    const b = row?.querySelector<HTMLButtonElement>(`button[data-exercise="${CSS.escape(exercise)}"]`);
    const s = students.find((x) => x.id === student);
    if (!row || !b || !s) return;
    const r = studentResult(s, ids, reports.get(s.id) ?? new Map());
    const info = cellLabel(s, exercise, r);
    b.textContent = info.mark;
    b.setAttribute('aria-label', info.label);
    b.title = info.label;
    b.dataset['state'] = info.state;
    if (info.verdict) b.dataset['verdict'] = info.verdict;
    else delete b.dataset['verdict'];
    const totalCell = row.querySelector('[data-total]');
    if (totalCell) totalCell.textContent = `${total(r)} / ${ids.length}`;
  }

  /* ---------------- detail ---------------- */
  const dialog = $<HTMLDialogElement>('tc-detail');
  $('tc-detail-close').addEventListener('click', () => dialog.close());
  let returnFocus: HTMLElement | null = null;
  dialog.addEventListener('close', () => returnFocus?.focus());

  function openDetail(s: ClassStudent, exercise: string) {
    returnFocus = document.activeElement as HTMLElement | null;
    const r = studentResult(s, ids, reports.get(s.id) ?? new Map());
    const c = r.cells[ids.indexOf(exercise)]!;
    const meta = metaById.get(exercise);
    $('tc-detail-title').textContent = t('teacher.detailTitle', { name: s.name || '—', id: s.id, exercise: meta?.title ?? exercise });
    const body = $('tc-detail-body');
    body.replaceChildren();
    const state = cellState(s, exercise);
    body.append(el('p', state === 'pending' || state === 'running' ? t('teacher.pending') : `${MARK[c.verdict]} ${t(`teacher.verdict.${c.verdict}`)}：${t(`teacher.verdictHelp.${c.verdict}`)}`));
    body.append(el('p', t('teacher.detailReported', { reported: t(`teacher.reported.${c.reported}`), attempts: c.attempts })));
    // The shared editor + run + output piece, read-only: the report as a learner sees it, and the code.
    if (c.error && !c.report) body.append(el('p', c.error.message, { class: 'tc-case-fail' }));
    if (c.report) {
      const report = el('div', undefined, { class: 'wb-report', 'data-detail-report': '' });
      renderReport(report, c.report, { timeoutSeconds: (meta?.timeoutMs ?? 5000) / 1000 });
      body.append(report);
      body.append(el('p', t('teacher.detailSeed', { seed: c.report.seed, exercise })));
    } else if (state === 'none') body.append(el('p', t('teacher.detailNoReport')));
    if (c.code !== null) {
      body.append(el('h3', t('teacher.detailCode')));
      const box = el('div', undefined, { class: 'tc-code' });
      box.append(createPlainEditor({ readOnly: true, value: c.code, label: t('teacher.detailCode') }).element);
      body.append(box);
    }
    dialog.showModal();
  }

}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
