/**
 * Monaco takes over from the plain editor, in place, without losing a keystroke or moving the
 * caret.
 *
 *   1. When: as soon as the page is idle on a device with a fine pointer (a desktop learner finds
 *      completions ready), or on intent — the first pointer, focus or key in the editor box, or
 *      a feature that needs Monaco (the version diff). Phones and Save-Data wait for intent:
 *      there Monaco costs a megabyte or more for a learner who may only read.
 *   2. Monaco's modules evaluate in slices across tasks (./monaco.ts), then the editor is
 *      created hidden, under the plain editor, with the text as it is at that moment.
 *   3. The swap is one synchronous step, in a task of its own, never during an IME composition
 *      or a mouse drag: copy the text again (the learner may have typed since step 2), copy the
 *      selection (direction included) and scroll position, show Monaco, move the focus if the
 *      plain editor had it, and retire the plain editor. Keystrokes are separate tasks, so each
 *      lands wholly before or wholly after the swap.
 *
 * The plain editor's own undo history does not carry over (Monaco's starts at the swap).
 */
import type { PlainEditor } from '../editor/plain';
import type { SwitchableSurface } from '../editor/surface';
import type { MonacoSurface } from './monaco';

type MonacoModule = typeof import('./monaco');

export interface UpgradeOptions {
  /** The editor box ([data-editor]); Monaco is created inside it. */
  box: HTMLElement;
  surface: SwitchableSurface;
  plain: PlainEditor;
  uri: string;
  label: string;
  onRun(): void;
  /** Called once Monaco holds the text. */
  onUpgraded(monaco: MonacoSurface, mod: MonacoModule): void;
  onFailed(error: unknown): void;
  /**
   * Monaco starts loading only once this resolves (the grader warm and no run in flight): a
   * learner's first verdict never waits behind Monaco's evaluation on the main thread.
   */
  notBefore?(): Promise<void>;
}

export interface Upgrade {
  /** Loads Monaco now (intent) and resolves with the module once it is loaded. */
  now(): Promise<MonacoModule>;
}

/** Loading on idle (fine pointer, no Save-Data) or only on intent. */
export function upgradePolicy(): 'idle' | 'intent' {
  const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData === true;
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches && !matchMedia('(pointer: fine)').matches;
  return saveData || coarse ? 'intent' : 'idle';
}

export function scheduleUpgrade(opts: UpgradeOptions, policy = upgradePolicy()): Upgrade {
  let loading: Promise<MonacoModule> | undefined;
  let swapped = false;
  const { box, plain } = opts;

  const load = (): Promise<MonacoModule> => {
    loading ??= (async () => {
      await opts.notBefore?.();
      box.dataset['editorState'] = 'loading';
      const mod = await import('./monaco');
      await run(mod);
      return mod;
    })();
    loading.catch((error: unknown) => {
      box.dataset['editorState'] = 'failed';
      opts.onFailed(error);
    });
    return loading;
  };

  const run = async (mod: MonacoModule): Promise<void> => {
    await mod.nextTask();
    const holder = document.createElement('div');
    holder.className = 'wb-monaco';
    holder.dataset['upgrading'] = '';
    box.append(holder);
    const fontFamily = plain.textarea ? getComputedStyle(plain.textarea).fontFamily : undefined;
    const monaco = mod.createMonacoSurface({ container: holder, value: plain.getValue(), uri: opts.uri, ariaLabel: opts.label, fontFamily, onRun: opts.onRun });
    await mod.nextTask();
    await settled(plain);
    swap(monaco, holder);
    opts.onUpgraded(monaco, mod);
  };

  /** The one synchronous step (see the file comment, 3). */
  const swap = (monaco: MonacoSurface, holder: HTMLElement): void => {
    const text = plain.getValue();
    const selection = plain.getSelection();
    const scrollTop = plain.getScrollTop();
    const focused = plain.hasFocus();
    monaco.setValue(text);
    monaco.setSelection(selection);
    monaco.setScrollTop(scrollTop);
    delete holder.dataset['upgrading'];
    if (focused) monaco.focus();
    plain.element.hidden = true;
    opts.surface.switchTo(monaco);
    plain.dispose();
    plain.element.remove();
    swapped = true;
    box.dataset['editorState'] = 'monaco';
  };

  if (policy === 'idle') {
    const start = (): void => {
      if ('requestIdleCallback' in window) requestIdleCallback(() => void load(), { timeout: 2000 });
      else setTimeout(() => void load(), 200);
    };
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
  }
  // Intent: the first touch of the editor box starts the load (the plain editor keeps working meanwhile).
  const intent = (): void => {
    if (!swapped) void load();
  };
  for (const type of ['pointerdown', 'focusin', 'keydown'] as const) box.addEventListener(type, intent, { once: true, passive: true });

  return { now: load };
}

/** Resolves when no IME composition and no mouse drag is in progress in the plain editor. */
function settled(plain: PlainEditor): Promise<void> {
  return new Promise((resolve) => {
    let pressed = false;
    const el = plain.element;
    const check = (): void => {
      if (plain.isComposing() || pressed) return;
      el.removeEventListener('compositionend', later);
      window.removeEventListener('pointerup', up, true);
      resolve();
    };
    const later = (): void => void setTimeout(check, 0);
    const up = (): void => {
      pressed = false;
      later();
    };
    el.addEventListener('pointerdown', () => (pressed = true), { once: true });
    el.addEventListener('compositionend', later);
    window.addEventListener('pointerup', up, true);
    pressed = el.matches(':active');
    check();
  });
}
