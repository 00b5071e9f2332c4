/**
 * The run half of the shared "editor + run + output" piece: one button, Ctrl/Cmd+Enter, a busy
 * state that assistive tech hears (aria-busy on the button and the output), and one output
 * region. The exercise page, the cells and /grader/ each pass what running means to them
 * (`execute`) and how a result looks (`render`); the teacher's detail view only renders.
 *
 * Two policies for a run asked for while one is in flight: 'ignore' it (grading: one verdict at
 * a time) or 'restart' (cells and sliders: the newest code wins, the old run is aborted).
 */

export interface RunControlOptions<R> {
  /** Ctrl/Cmd+Enter anywhere inside it runs (unless something inside handled the key first). */
  root: HTMLElement | Document;
  /** Ctrl/Cmd+Enter is left alone while this says no (e.g. a modal dialog is open). */
  keysEnabled?: (() => boolean) | undefined;
  /** aria-busy on the output while running (default true: a status region then announces only the result). */
  markOutputBusy?: boolean | undefined;
  /** The run button (also busy-marked while running). */
  button: HTMLButtonElement;
  /** Run on the button's click (default true; a form's submit button leaves it to the submit event). */
  runOnClick?: boolean | undefined;
  /** Optional label inside the button whose text says 运行测试 / 正在运行…. */
  label?: { element: HTMLElement; idle: string; busy: string } | undefined;
  /** The output region (role status or log, aria-live, in the markup). */
  output: HTMLElement;
  /** The code to run (read at the moment the run starts). */
  getCode(): string;
  /** Runs the code. `signal` aborts when a newer run replaces this one ('restart'). */
  execute(code: string, signal: AbortSignal): Promise<R>;
  /** Shows a finished run's result in `output` (not called for an aborted run). */
  render(output: HTMLElement, result: R): void;
  /** Shows a run that threw (default: the message, as text). */
  renderError?: ((output: HTMLElement, error: unknown) => void) | undefined;
  /** Called as a run starts, before `execute` (e.g. flush a pending save, show 正在运行…). */
  onStart?: ((code: string) => void) | undefined;
  overlap?: 'ignore' | 'restart' | undefined;
  /** Keys inside these elements are left alone (an editor with its own Ctrl+Enter command). */
  ignoreKeysIn?: string | undefined;
}

export interface RunControl {
  /** Runs now, as the button would. Resolves when this run has rendered (or was dropped). */
  run(): Promise<void>;
  readonly busy: boolean;
  /** Aborts the run in flight (its result is not rendered). */
  abort(): void;
  dispose(): void;
}

export function createRunControl<R>(options: RunControlOptions<R>): RunControl {
  const { root, button, label, output, overlap = 'ignore', markOutputBusy = true } = options;
  let controller: AbortController | undefined;
  let busy = false;

  const setBusy = (on: boolean): void => {
    busy = on;
    if (on) {
      button.setAttribute('aria-busy', 'true');
      if (markOutputBusy) output.setAttribute('aria-busy', 'true');
    } else {
      button.removeAttribute('aria-busy');
      if (markOutputBusy) output.removeAttribute('aria-busy');
    }
    button.classList.toggle('is-running', on);
    if (label) label.element.textContent = on ? label.busy : label.idle;
  };

  const run = async (): Promise<void> => {
    if (busy && overlap === 'ignore') return;
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const code = options.getCode();
    setBusy(true);
    options.onStart?.(code);
    try {
      const result = await options.execute(code, mine.signal);
      if (!mine.signal.aborted) options.render(output, result);
    } catch (error) {
      if (!mine.signal.aborted) {
        if (options.renderError) options.renderError(output, error);
        else output.textContent = String((error as Error)?.message ?? error);
      }
    } finally {
      if (controller === mine) {
        controller = undefined;
        setBusy(false);
      }
    }
  };

  const onClick = (): void => void run();
  const onKey = (event: Event): void => {
    const e = event as KeyboardEvent;
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
    if (options.keysEnabled && !options.keysEnabled()) return;
    if (options.ignoreKeysIn && (e.target as Element | null)?.closest?.(options.ignoreKeysIn)) return;
    e.preventDefault();
    void run();
  };
  if (options.runOnClick !== false) button.addEventListener('click', onClick);
  root.addEventListener('keydown', onKey);

  return {
    run,
    get busy() {
      return busy;
    },
    abort() {
      controller?.abort();
      controller = undefined;
      setBusy(false);
    },
    dispose() {
      button.removeEventListener('click', onClick);
      root.removeEventListener('keydown', onKey);
    },
  };
}
