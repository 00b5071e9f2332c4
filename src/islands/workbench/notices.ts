/**
 * Notices above the editor (storage problems, another tab, a new exercise version), each keyed so
 * a newer one of the same kind replaces the older, and the toast below it (重置 → 撤销).
 */
import { t } from '../../i18n/t';
import { h } from '../editor/dom';

export interface NoticeAction {
  label: string;
  run: () => void;
  primary?: boolean;
}

export interface Notices {
  /** Shows (or replaces) the notice `key`; it always ends with 知道了 (close). */
  show(key: string, text: string, actions?: NoticeAction[], tone?: 'info' | 'warn'): HTMLElement;
  drop(key: string): void;
  has(key: string): boolean;
}

export function createNotices(container: HTMLElement): Notices {
  const find = (key: string) => container.querySelector(`[data-notice="${key}"]`);
  return {
    show(key, text, actions = [], tone = 'info') {
      find(key)?.remove();
      const box = h('div', { class: `wb-notice wb-notice-${tone}`, 'data-notice': key, role: tone === 'warn' ? 'alert' : 'status' }, h('p', {}, text));
      const bar = h('div', { class: 'wb-notice-actions' });
      for (const a of actions) {
        const b = h('button', { type: 'button', class: `wb-btn wb-small${a.primary ? ' wb-primary' : ''}` }, a.label);
        b.addEventListener('click', a.run);
        bar.append(b);
      }
      const close = h('button', { type: 'button', class: 'wb-btn wb-small', 'data-notice-close': '' }, t('exercise.notices.dismiss'));
      close.addEventListener('click', () => box.remove());
      bar.append(close);
      box.append(bar);
      container.append(box);
      return box;
    },
    drop: (key) => void find(key)?.remove(),
    has: (key) => find(key) !== null,
  };
}

export interface Toast {
  /** Shows `text` (and one action) for 12 s, longer while hovered or focused. */
  show(text: string, action?: { label: string; run: () => void }): void;
  hide(): void;
}

export function createToast(el: HTMLElement): Toast {
  let timer: number | undefined;
  const hide = (): void => {
    window.clearTimeout(timer);
    el.classList.remove('is-open');
    el.replaceChildren();
  };
  return {
    show(text, action) {
      window.clearTimeout(timer);
      el.replaceChildren(h('span', {}, text));
      if (action) {
        const b = h('button', { type: 'button', class: 'wb-btn wb-small', 'data-toast-action': '' }, action.label);
        b.addEventListener('click', () => {
          hide();
          action.run();
        });
        el.append(b);
      }
      el.classList.add('is-open');
      const schedule = (): void => {
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          if (el.matches(':hover, :focus-within')) schedule();
          else hide();
        }, 12_000);
      };
      schedule();
    },
    hide,
  };
}
