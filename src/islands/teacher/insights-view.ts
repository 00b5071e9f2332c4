/**
 * Class insight on the teacher page: most-failed hidden cases with hints, attempts and
 * time-to-pass distributions (chart.js, the course's chart library, loaded only here, with the
 * same numbers as a table for screen readers), and (near-)identical submissions.
 */
import type { ExerciseMeta } from '../../grader/schema';
import { t } from '../../i18n/t';
import { exerciseInsights, histogram } from '../../teacher/insights';
import type { StudentResult } from '../../teacher/results';

const ATTEMPT_EDGES = [1, 2, 3, 5, 10];
const MINUTE_EDGES = [5, 15, 30, 60, 120, 240];

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
};

const ATTEMPT_LABELS = ['1', '2', '3', '4–5', '6–10', '> 10'];
const MINUTE_LABELS = ['≤ 5', '5–15', '15–30', '30–60', '60–120', '120–240', '> 240'];

const charts: { destroy(): void }[] = [];

export async function renderInsights(section: HTMLElement, body: HTMLElement, students: StudentResult[], metas: ExerciseMeta[]): Promise<void> {
  const insights = exerciseInsights(students, metas.map((m) => m.id));
  for (const c of charts.splice(0)) c.destroy();
  body.replaceChildren();
  section.hidden = students.length === 0;

  // Most-failed cases, per exercise that anyone failed.
  const failed = el('section');
  failed.append(el('h3', t('teacher.insightFailed')));
  const list = el('ul');
  for (const ins of insights) {
    if (ins.failedCases.length === 0) continue;
    const li = el('li');
    li.append(el('strong', `${metas.find((m) => m.id === ins.exercise)?.title ?? ins.exercise}（${ins.passed}/${ins.graded}）`));
    const inner = el('ul');
    for (const f of ins.failedCases) {
      const item = el('li', t('teacher.insightFailedRow', { name: f.name, students: f.students }));
      if (f.hint) item.append(el('br'), el('small', f.hint));
      inner.append(item);
    }
    li.append(inner);
    list.append(li);
  }
  failed.append(list.childElementCount ? list : el('p', t('teacher.insightNone')));
  body.append(failed);

  // Distributions over the whole class.
  const attempts = insights.flatMap((i) => i.attempts);
  const minutes = insights.flatMap((i) => i.minutesToPass);
  const grid = el('div');
  grid.className = 'tc-insight-grid';
  const { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Title } = await import('chart.js');
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Title);
  const css = getComputedStyle(document.documentElement);
  const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  for (const [title, values, edges, names, unit] of [
    [t('teacher.insightAttempts'), attempts, ATTEMPT_EDGES, ATTEMPT_LABELS, t('teacher.chartAttempts')],
    [t('teacher.insightTime'), minutes, MINUTE_EDGES, MINUTE_LABELS, t('teacher.chartMinutes')],
  ] as const) {
    const counts = histogram(values, edges);
    const labels = names.map((n) => `${n} ${unit}`);
    const fig = el('figure');
    fig.append(el('figcaption', title));
    const wrap = el('div');
    wrap.className = 'tc-chart';
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${title}：${labels.map((l, i) => `${l} ${counts[i]} 人次`).join('，')}`);
    wrap.append(canvas);
    fig.append(wrap);
    const table = el('table');
    const head = el('tr');
    head.append(el('th', unit), el('th', t('teacher.chartStudents')));
    table.append(head);
    labels.forEach((l, i) => {
      const tr = el('tr');
      tr.append(el('td', l), el('td', String(counts[i])));
      table.append(tr);
    });
    const details = el('details');
    details.append(el('summary', '查看数据'), table);
    fig.append(details);
    grid.append(fig);
    charts.push(
      new Chart(canvas, {
        type: 'bar',
        data: { labels, datasets: [{ label: t('teacher.chartStudents'), data: counts, backgroundColor: color('--accent', '#2150c4') }] },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { title: { display: false }, tooltip: { enabled: true } },
          scales: {
            x: { ticks: { color: color('--text', '#1d2129') }, grid: { color: color('--border', '#dadde3') } },
            y: { beginAtZero: true, ticks: { precision: 0, color: color('--text', '#1d2129') }, grid: { color: color('--border', '#dadde3') }, title: { display: true, text: t('teacher.chartStudents'), color: color('--text', '#1d2129') } },
          },
        },
      }),
    );
  }
  body.append(grid);

  // Similar submissions.
  const sim = el('section');
  sim.append(el('h3', t('teacher.insightSimilar')));
  const groups = insights.flatMap((i) => i.similar);
  if (groups.length === 0) sim.append(el('p', t('teacher.similarNone')));
  else {
    const ul = el('ul');
    for (const g of groups) {
      const title = metas.find((m) => m.id === g.exercise)?.title ?? g.exercise;
      ul.append(el('li', g.kind === 'identical' ? t('teacher.similarIdentical', { exercise: title, students: g.students.join('、') }) : t('teacher.similarNear', { exercise: title, students: g.students.join('、'), similarity: g.similarity })));
    }
    sim.append(ul);
  }
  body.append(sim);
}
