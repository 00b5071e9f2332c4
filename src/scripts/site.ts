/**
 * The only JS every page loads (kept to a few KB): theme toggle, mobile navigation drawer,
 * code copy buttons, table-of-contents highlighting and the lazily loaded Pagefind search.
 * UI strings arrive through data-* attributes rendered from src/i18n/zh-CN.json.
 */
const THEME_KEY = 'dl-course:theme';
const root = document.documentElement;
const status = document.getElementById('sr-status');

function announce(text: string): void {
  if (!status) return;
  status.textContent = '';
  // A fresh text node after a tick makes screen readers repeat identical messages.
  window.setTimeout(() => (status.textContent = text), 50);
}

const isEditable = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');

/* ---------- theme ---------- */
type Theme = 'light' | 'dark';
const themeButton = document.querySelector<HTMLButtonElement>('.theme-toggle');
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function storedTheme(): Theme | null {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

function applyTheme(theme: Theme): void {
  root.setAttribute('data-theme', theme);
  if (themeButton) {
    const label = theme === 'dark' ? themeButton.dataset['labelLight'] : themeButton.dataset['labelDark'];
    if (label) themeButton.setAttribute('aria-label', label);
  }
}

applyTheme(root.getAttribute('data-theme') === 'dark' ? 'dark' : 'light');
themeButton?.addEventListener('click', () => {
  const next: Theme = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
  applyTheme(next);
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
});
// Follow the OS live until the learner has made an explicit choice.
systemDark.addEventListener('change', (e) => {
  if (!storedTheme()) applyTheme(e.matches ? 'dark' : 'light');
});

/* ---------- navigation drawer ---------- */
const navButton = document.querySelector<HTMLButtonElement>('.nav-toggle');
const sidebar = document.getElementById('sidebar');

function setNav(open: boolean, restoreFocus = false): void {
  if (!navButton || !sidebar) return;
  if (open) document.body.setAttribute('data-nav-open', '');
  else document.body.removeAttribute('data-nav-open');
  navButton.setAttribute('aria-expanded', String(open));
  const label = open ? navButton.dataset['labelClose'] : navButton.dataset['labelOpen'];
  if (label) navButton.setAttribute('aria-label', label);
  if (open) {
    const target = sidebar.querySelector<HTMLElement>('[aria-current="page"]') ?? sidebar.querySelector<HTMLElement>('a');
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  } else if (restoreFocus) {
    navButton.focus();
  }
}

navButton?.addEventListener('click', () => setNav(navButton.getAttribute('aria-expanded') !== 'true'));
document.querySelector('[data-nav-backdrop]')?.addEventListener('click', () => setNav(false, true));
sidebar?.addEventListener('click', (e) => {
  if ((e.target as Element).closest('a')) setNav(false);
});
// Keep the current chapter visible in a long desktop sidebar.
sidebar?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest' });

/* ---------- code copy buttons (rendered at build time by src/markdown/rehype-code-copy.mjs) ---------- */
document.addEventListener('click', (e) => {
  const button = (e.target as Element).closest<HTMLButtonElement>('.copy-btn');
  const pre = button?.parentElement?.querySelector('pre');
  if (!button || !pre) return;
  const original = status?.dataset['copy'] ?? button.textContent ?? '';
  const done = (ok: boolean) => {
    const msg = (ok ? status?.dataset['copied'] : status?.dataset['copyFailed']) ?? '';
    button.textContent = msg;
    button.classList.toggle('done', ok);
    announce(msg);
    window.setTimeout(() => {
      button.textContent = original;
      button.classList.remove('done');
    }, 2000);
  };
  const text = pre.innerText.replace(/\n$/, '');
  navigator.clipboard?.writeText(text).then(
    () => done(true),
    () => done(false),
  ) ?? done(false);
});

/* ---------- table of contents: highlight the section being read ---------- */
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc-observe] a')];
const tocTargets = tocLinks
  .map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))))
  .filter((el): el is HTMLElement => el !== null);
if (tocTargets.length > 0) {
  // Chapter sections far from the viewport are skipped by the browser (content-visibility, see
  // src/markdown/rehype-sections.mjs): measuring a heading inside one would force its layout. So
  // measure the section boxes (cheap), and a heading only when its section is on screen.
  const sectionOf = tocTargets.map((el) => el.closest<HTMLElement>('.cv-section'));
  const LINE = 140;
  let queued = false;
  const update = () => {
    queued = false;
    let active = 0;
    for (let i = 0; i < tocTargets.length; i++) {
      const section = sectionOf[i];
      if (section) {
        const box = section.getBoundingClientRect();
        if (box.top >= LINE) break;
        if (box.bottom < 0) {
          active = i;
          continue;
        }
      }
      if (tocTargets[i]!.getBoundingClientRect().top < LINE) active = i;
      else break;
    }
    tocLinks.forEach((a, i) => a.classList.toggle('active', i === active));
  };
  window.addEventListener(
    'scroll',
    () => {
      if (!queued) {
        queued = true;
        requestAnimationFrame(update);
      }
    },
    { passive: true },
  );
  update();
}

/* ---------- in-page links land on their target ---------- */
// Chapter sections far from the viewport have estimated heights until they are first drawn
// (content-visibility, src/markdown/rehype-sections.mjs). A smooth scroll to a heading passes
// through such sections, they grow as they are drawn, and the scroll would stop short of the
// heading. So when the scroll ends and the target is not at the top, jump to it (at most 3 times).
let settling: (() => void) | undefined;
document.addEventListener('click', (e) => {
  const link = (e.target as Element | null)?.closest?.<HTMLAnchorElement>('a[href^="#"]');
  if (!link || e.defaultPrevented || link.hash.length < 2) return;
  const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  settling?.();
  let tries = 0;
  const stop = () => {
    window.removeEventListener('scrollend', settle);
    window.clearTimeout(timer);
    settling = undefined;
  };
  const settle = () => {
    const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    const off = target.getBoundingClientRect().top - margin;
    const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    if (Math.abs(off) > 2 && !(off > 0 && atBottom) && tries++ < 3) target.scrollIntoView({ behavior: 'instant', block: 'start' });
    else stop();
  };
  // A link to where the page already is scrolls nothing: stop listening soon in any case.
  const timer = window.setTimeout(stop, 5000);
  settling = stop;
  window.addEventListener('scrollend', settle);
});

// The same on arrival from another page (a glossary or reference link to #term-… / #ref-…, a
// search result): the browser jumps to the fragment while the sections above it still have
// estimated heights, then they are drawn and push the target away. Re-align for a few frames
// until it stays put.
function landOnHash(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  let frames = 0;
  let still = 0;
  const check = () => {
    const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const off = target.getBoundingClientRect().top - margin - padding;
    const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    if (Math.abs(off) > 2 && !(off > 0 && atBottom)) {
      target.scrollIntoView({ behavior: 'instant', block: 'start' });
      still = 0;
    } else still++;
    if (still < 3 && frames++ < 30) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
if (location.hash.length > 1) {
  if (document.readyState === 'complete') landOnHash();
  else window.addEventListener('load', landOnHash, { once: true });
}

/* ---------- search: Pagefind JS API, imported from this site on first use ---------- */
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(q: string, o?: Record<string, unknown>, ms?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

const box = document.querySelector<HTMLElement>('[data-search]');
const input = box?.querySelector<HTMLInputElement>('input');
const panel = box?.querySelector<HTMLElement>('.search-panel');
const searchStatus = box?.querySelector<HTMLElement>('.search-status');
const list = box?.querySelector<HTMLUListElement>('.search-results');

if (box && input && panel && searchStatus && list) {
  const msg = (key: string, params: Record<string, string | number> = {}) =>
    (box.dataset[key] ?? '').replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  let pagefind: Promise<PagefindApi> | undefined;
  const load = (): Promise<PagefindApi> => {
    pagefind ??= import(/* @vite-ignore */ `${box.dataset['bundle']}pagefind.js`).then(async (mod: PagefindApi) => {
      await mod.options({ baseUrl: import.meta.env.BASE_URL });
      void mod.init();
      return mod;
    });
    pagefind.catch(() => (pagefind = undefined));
    return pagefind;
  };
  const show = (open: boolean) => {
    panel.hidden = !open;
  };
  let seq = 0;
  const run = async () => {
    const query = input.value.trim();
    const mine = ++seq;
    if (!query) {
      list.replaceChildren();
      show(false);
      return;
    }
    show(true);
    if (!list.childElementCount) searchStatus.textContent = msg('msgLoading');
    try {
      const api = await load();
      const found = await api.debouncedSearch(query, {}, 150);
      if (found === null || mine !== seq) return;
      const data = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
      if (mine !== seq) return;
      list.replaceChildren(
        ...data.map((d) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = d.url;
          const title = document.createElement('span');
          title.className = 'r-title';
          title.textContent = d.meta.title ?? d.url;
          const excerpt = document.createElement('span');
          excerpt.className = 'r-excerpt';
          excerpt.innerHTML = d.excerpt; // Pagefind escapes page text; only <mark> is added.
          a.append(title, excerpt);
          li.append(a);
          return li;
        }),
      );
      searchStatus.textContent = data.length
        ? msg('msgCount', { count: found.results.length })
        : msg('msgEmpty', { query });
    } catch {
      searchStatus.textContent = msg('msgUnavailable');
    }
  };

  input.addEventListener('focus', () => {
    void load().catch(() => undefined);
    if (input.value.trim()) show(true);
  });
  input.addEventListener('input', (e) => {
    if (!(e as InputEvent).isComposing) void run();
  });
  input.addEventListener('compositionend', () => void run());
  box.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      if (!panel.hidden) {
        show(false);
        input.focus();
      } else {
        input.blur();
      }
    } else if (e.key === 'ArrowDown' && links.length) {
      e.preventDefault();
      show(true);
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp' && at >= 0) {
      e.preventDefault();
      (at === 0 ? input : links[at - 1])?.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!box.contains(e.target as Node)) show(false);
  });
  box.addEventListener('focusout', (e) => {
    if (!box.contains(e.relatedTarget as Node | null) && e.relatedTarget) show(false);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target)) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && document.body.hasAttribute('data-nav-open')) setNav(false, true);
});
