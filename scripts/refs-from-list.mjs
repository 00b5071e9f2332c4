#!/usr/bin/env node
/**
 * Converting a hand-written reference list to keys (e.g. chapter 12 when it arrives):
 *
 *   node scripts/refs-from-list.mjs content/chapters/12-capstone.mdx
 *
 * reads the numbered list under `## 参考文献` (the APA-like style the chapters used:
 * `1. Family, G., & Family, G. (2016). Title. *Venue*, 4(5), 1–17. [doi:…](…) [arXiv:…](…)`) and prints
 *   - for each item already in content/references.json (same DOI, arXiv id, or first author + year
 *     + title): its key, to write as `<Cite id="…" />`;
 *   - for each new item: a draft CSL-JSON entry with a suggested key. Check every field (type,
 *     container-title, volume, issue, page, publisher…), then add it to content/references.json.
 * Then put `<Cite id="…" />` after each author–year mention in the prose and replace the list by
 * `<References />`. The build fails until every key exists and every entry is cited.
 * It only reads; it never edits a file.
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('用法：node scripts/refs-from-list.mjs <章节或题目的 .mdx>');
  process.exit(2);
}
const src = readFileSync(file, 'utf8');
const at = src.indexOf('## 参考文献');
if (at < 0) {
  console.error(`${file} 里没有「## 参考文献」一节`);
  process.exit(2);
}
const db = JSON.parse(readFileSync(new URL('../content/references.json', import.meta.url), 'utf8'));
const norm = (s) => (s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
const STOP = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'to', 'for', 'with', 'and', 'by', 'some', 'why', 'what', 'how']);
const LINK = /\[([^\]]+)\]\((https?:\S+?)\)(?=$|[\s，；,（])/g;

/** @param {string} s one list item without its number */
function parse(s) {
  /** @type {Record<string, any>} */
  const r = {};
  for (const [, label, href] of s.matchAll(LINK)) {
    if (label.startsWith('doi:')) r.DOI = label.slice(4);
    else if (label.startsWith('arXiv:')) r.URL = `https://arxiv.org/abs/${label.slice(6)}`;
    else r.URL ??= href;
  }
  const m = s.match(/^(.*?) \((\d{4})\)\. (.*)$/);
  if (!m) return { ...r, title: s, _unparsed: true };
  let [, authors, year, rest] = m;
  const etAl = /, et al\.$/.test(authors);
  authors = authors.replace(/, et al\.$/, '');
  const toks = authors.replace(/,? & /g, ', ').split(', ');
  r.author = [];
  for (let i = 0; i < toks.length; i += 2) r.author.push({ family: toks[i], given: toks[i + 1] });
  if (etAl) r.custom = { etAl: true };
  r.issued = { 'date-parts': [[Number(year)]] };
  rest = rest.replace(LINK, '').replace(/\s+/g, ' ').trim();
  const italic = rest.match(/^\*([^*]+)\*(.*)$/);
  if (italic) return { type: 'book', ...r, title: italic[1], _rest: italic[2].trim() };
  const t = rest.match(/^(.*?[.?!])(?:\s+(.*))?$/);
  r.title = (t?.[1] ?? rest).replace(/\.$/, '');
  const c = (t?.[2] ?? '').match(/^\*([^*]+)\*(.*)$/);
  if (!c) return { type: 'article', ...r, _rest: t?.[2] };
  const venue = c[1];
  r.type = /Proceedings|Conference|NIPS|NeurIPS|ICML|ICLR|CVPR|ICCV|ECCV|AISTATS|EMNLP|NAACL|COLT|Workshop/.test(venue) ? 'paper-conference' : 'article-journal';
  r['container-title'] = venue;
  const d = c[2].trim().replace(/^,\s*/, '').replace(/\.$/, '');
  const v = d.match(/^(?:(PMLR|LNCS) )?(\d+)(?:\((\d+)\))?(?:, (.*))?$/);
  if (v) {
    if (v[1]) Object.assign(r, { 'collection-title': v[1], 'collection-number': v[2] + (v[3] ? `(${v[3]})` : '') });
    else Object.assign(r, { volume: v[2], ...(v[3] ? { issue: v[3] } : {}) });
    if (v[4]) r.page = v[4];
  } else if (/^\d+[–-]\d+$/.test(d)) r.page = d;
  else if (d) r._rest = d;
  return r;
}

const items = src
  .slice(at)
  .split('\n')
  .map((l) => l.match(/^\d+\. (.*)$/)?.[1])
  .filter(Boolean);
const drafts = [];
for (const item of items) {
  const r = parse(item);
  const first = r.author?.[0]?.family;
  const y = r.issued?.['date-parts'][0][0];
  const hit = db.find(
    (e) =>
      (r.DOI && e.DOI === r.DOI) ||
      (r.URL && e.URL === r.URL) ||
      (first && e.author[0]?.family === first && e.issued?.['date-parts'][0][0] === y && norm(e.title) === norm(r.title)),
  );
  if (hit) {
    console.log(`已有  <Cite id="${hit.id}" />   ${item.slice(0, 70)}…`);
    continue;
  }
  const word = (r.title ?? '').split(/[\s:—-]+/).map(ascii).find((w) => w && !STOP.has(w)) ?? 'x';
  drafts.push({ id: `${ascii(first ?? 'x')}${y ?? ''}${word}`, ...r });
  console.log(`新的  ${drafts[drafts.length - 1].id}   ${item.slice(0, 70)}…`);
}
if (drafts.length > 0) {
  console.log('\n新条目的草稿（字段名是 CSL-JSON；以 _ 开头的是没能解析的部分，核对后删掉）：');
  console.log(JSON.stringify(drafts, null, 2));
}
