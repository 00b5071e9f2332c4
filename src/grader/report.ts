import type { GradeReport } from './types';

/** The CLI `--json` contract, exactly (teachers' scripts parse it); the browser grader page prints the same. */
export function toJsonContract(r: GradeReport): object {
  return {
    exercise: r.exercise,
    passed: r.passed,
    score: r.score,
    seed: r.seed,
    cases: r.cases.map((c) => (c.passed ? { name: c.name, passed: true } : { name: c.name, passed: false, ...(c.message ? { message: c.message } : {}) })),
    ...(r.error ? { error: { kind: r.error.kind, message: r.error.message } } : {}),
  };
}

/** Chinese, line by line, ✓/✗ per case: what a learner or teacher reads in a terminal. */
export function formatHuman(r: GradeReport, title: string): string {
  const out: string[] = [`练习 ${r.exercise}（${title}）· 种子 ${r.seed}`];
  if (r.error) out.push(`错误[${r.error.kind}]：${r.error.message}`);
  for (const c of r.cases) {
    out.push(`${c.passed ? '✓' : '✗'} ${c.name}`);
    if (c.passed) continue;
    if (c.message) out.push(`    ${c.message}`);
    if (c.actualPreview === undefined && r.error) continue; // never ran: the error above says why
    if (c.inputSummary) out.push(`    输入：${c.inputSummary}`);
    if (c.expectedPreview && c.actualPreview) {
      out.push(`    期望：${c.expectedPreview}`);
      out.push(`    实际：${c.actualPreview}`);
    }
    if (c.hint) out.push(`    提示：${c.hint}`);
  }
  for (const w of r.warnings) out.push(`⚠ ${w}`);
  if (r.logs.length > 0) {
    out.push('console 输出：');
    for (const l of r.logs) out.push(`    ${l.text}`);
  }
  const n = r.cases.filter((c) => c.passed).length;
  out.push(r.passed ? `结果：全部通过（${n}/${r.cases.length}）` : `结果：通过 ${n}/${r.cases.length}`);
  return out.join('\n');
}
