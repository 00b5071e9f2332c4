// The only drawing-pad code on a page before interaction (a few hundred bytes): the island
// (./index.ts) loads when the pad comes within 75% of a viewport, or a pointer or the focus reaches it.
const WARM_MARGIN = '75% 0px';

export function bootPads(): void {
  const pads = document.querySelectorAll<HTMLElement>('[data-digit-pad]');
  const mount = (el: HTMLElement) => {
    if (el.dataset.padBooted !== undefined) return;
    el.dataset.padBooted = '';
    void import('./index').then((m) => m.mountPad(el));
  };
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => {
          for (const e of entries) {
            if (!e.isIntersecting) continue;
            observer?.unobserve(e.target);
            mount(e.target as HTMLElement);
          }
        }, { rootMargin: WARM_MARGIN })
      : undefined;
  for (const el of pads) {
    observer?.observe(el);
    for (const ev of ['pointerenter', 'pointerdown', 'focusin'] as const) el.addEventListener(ev, () => mount(el), { once: true });
  }
}
