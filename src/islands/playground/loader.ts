// The only playground code on a page before interaction (a few hundred bytes): the island loads
// at once on /playground/ (`data-eager`), and in a chapter when the embed comes within 75% of a
// viewport of the screen, or a pointer, the focus or a click reaches it — like code cells.
const WARM_MARGIN = '75% 0px';

export function bootPlaygrounds(): void {
  const hosts = document.querySelectorAll<HTMLElement>('[data-playground]');
  const mount = (el: HTMLElement) => {
    if (el.dataset.pgBooted !== undefined) return;
    el.dataset.pgBooted = '';
    void import('./index').then((m) => m.mountPlayground(el));
  };
  const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData === true;
  const observer =
    !saveData && typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => {
          for (const e of entries) {
            if (!e.isIntersecting) continue;
            observer?.unobserve(e.target);
            mount(e.target as HTMLElement);
          }
        }, { rootMargin: WARM_MARGIN })
      : undefined;
  for (const el of hosts) {
    if (el.dataset.eager !== undefined) {
      mount(el);
      continue;
    }
    observer?.observe(el);
    for (const ev of ['pointerenter', 'focusin', 'click'] as const) el.addEventListener(ev, () => mount(el), { once: true });
  }
}
