// The playground's sandbox realm: a blob Worker inside the same <iframe sandbox> + CSP that
// src/runtime/browser-spawn.ts creates for learner code (own bundle: scripts/build-sandbox.mjs
// builds public/_astro/sandbox/playground-realm.<hash>.js). The trainer here is trusted site code and
// runs outside any compartment; the learner's optimizer (用我的实现) is evaluated in a SES
// Compartment with the guarded tf, and its console goes to the playground's log.
//
// Flow control: the page asks for a frame when it is ready to draw one ('frame'); the worker
// answers with at most one frame per request, so maps cross at most once per animation frame,
// as transferables. Training runs in slices of ≈ SLICE_MS between which messages are handled.
import { standardGlobals } from '../sandbox/globals';
import '../sandbox/lockdown';
import { bootBrowserRealm } from '../sandbox/browser-boot';
import { compileSubmission } from '../grader/compile';
import type { LogLevel } from '../grader/types';
import { formatTensor } from '../sandbox/cell-job';
import { createGuard } from '../sandbox/guard';
import { measureLineOffset, runtimeError } from '../sandbox/run-job';
import { createTensorReader, type TensorReader } from '../sandbox/tensors';
import { tf } from '../sandbox/tf-slim';
import { Session, tfOptimizer, type OptimizerImpl } from './engine';
import { MINE_EXPORT, MineError, mineOptimizer, type MineExercise } from './mine';
import { pageToWorkerSchema, type PageToWorker, type WorkerToPage } from './protocol';
import { needsRebuild } from './engine';
import type { PlaygroundState } from './state';

declare const Compartment: new (options: { globals: Record<string, unknown>; __options__: true }) => { evaluate(src: string): unknown };

/**
 * Training time per slice before pending messages (frame requests, pause) are handled. Short,
 * so a frame request made at one animation frame is answered before the next (measured with
 * `npm run bench:playground`: 12 ms slices missed every other frame).
 */
const SLICE_MS = 6;
const MAX_LOG_LINES = 200;
const MAX_LOG_CHARS = 2000;

// The same start as a learner realm (src/sandbox/browser-boot.ts): the worker's ways out removed
// along its global's whole prototype chain, the private port taken, the CPU backend loaded.
bootBrowserRealm(tf, (rawPost) => {
  const post = (m: WorkerToPage, transfer: Transferable[] = []) => rawPost(m, transfer);
  // Before any learner code: the reader hooks tfjs's engine so results are read through captured references.
  const reader = createTensorReader(tf);
  const trainer = createTrainer(post, reader);
  return (data) => {
    const parsed = pageToWorkerSchema.safeParse(data);
    if (!parsed.success) post({ type: 'error', code: 'bad-command' });
    else trainer.handle(parsed.data);
  };
});

function createTrainer(post: (m: WorkerToPage, t?: Transferable[]) => void, reader: TensorReader) {
  let session: Session | undefined;
  let playing = false;
  let pauseAsked = false;
  let scheduled = false;
  let frameAsked: Extract<PageToWorker, { type: 'frame' }> | null = null;
  let sentHistory = 0;
  /** Sends the parameters at an epoch boundary (or after an edit): what the page restarts from. */
  const sendCheckpoint = () => {
    const s = session!;
    post({ type: 'checkpoint', epoch: s.epoch, steps: s.steps, weights: s.models.map((m) => m.snapshot()) });
  };
  let logLines = 0;
  let mineFn: ((...a: unknown[]) => unknown) | undefined;
  let mineExercise: MineExercise | undefined;
  let mineOffset = 0;
  const now = performance.now.bind(performance);

  // A zero-delay yield (setTimeout would be clamped to ≥ 4 ms when nested).
  const tick = new MessageChannel();
  tick.port1.onmessage = () => {
    scheduled = false;
    run();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    tick.port2.postMessage(0);
  };

  const log = (level: LogLevel, args: unknown[]) => {
    if (logLines > MAX_LOG_LINES) return;
    if (++logLines > MAX_LOG_LINES) return post({ type: 'truncated' });
    const text = args
      .map((v) => {
        const r = reader.recordOf(v);
        if (r) return reader.isDisposed(r) ? 'Tensor（已 dispose）' : r.size > 10_000 ? `Tensor [${r.shape.join(',')}]` : formatTensor(r.dtype, r.shape, reader.read(r));
        if (typeof v === 'string') return v;
        if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
        try {
          return JSON.stringify(v) ?? String(v);
        } catch {
          return '（无法显示的值）';
        }
      })
      .join(' ')
      .slice(0, MAX_LOG_CHARS);
    post({ type: 'log', level, text });
  };

  /** Evaluates the learner's module in its own compartment; returns their step function. */
  const loadMine = (exercise: MineExercise, code: string): boolean => {
    const compiled = compileSubmission(code);
    if (!compiled.ok) {
      post({ type: 'error', code: 'mine-compile', detail: compiled.error.message });
      return false;
    }
    const guard = createGuard(tf, { banned: [], grants: [] });
    const consoleObj = Object.freeze(Object.fromEntries((['log', 'info', 'warn', 'error', 'debug'] as const).map((l) => [l, (...a: unknown[]) => log(l, a)])));
    const c = new Compartment({ globals: { ...standardGlobals(), console: consoleObj }, __options__: true });
    mineOffset = measureLineOffset(c);
    const exportsObj: Record<string, unknown> = {};
    const moduleObj = { exports: exportsObj };
    const requireFn = (name: unknown) => {
      if (name === '@tensorflow/tfjs' || name === '@tensorflow/tfjs-core') return guard.tf;
      throw new Error(`不能导入 "${String(name)}"`);
    };
    try {
      (c.evaluate(`(function (exports, require, module) {${compiled.js}\n})`) as (...a: unknown[]) => void)(exportsObj, requireFn, moduleObj);
    } catch (e) {
      post({ type: 'error', code: 'mine-load', detail: runtimeError(e, mineOffset, '加载出错').message });
      return false;
    }
    const d = Reflect.getOwnPropertyDescriptor(moduleObj.exports as object, MINE_EXPORT[exercise]);
    const fn = d && 'value' in d ? d.value : undefined;
    if (typeof fn !== 'function') {
      post({ type: 'error', code: 'mine-missing', detail: MINE_EXPORT[exercise] });
      return false;
    }
    mineFn = fn as (...a: unknown[]) => unknown;
    mineExercise = exercise;
    return true;
  };

  const makeOptimizer = (s: PlaygroundState) => (which: 0 | 1, lr: number): OptimizerImpl => {
    const kind = which === 0 ? s.optimizer : s.compare === 'none' ? s.optimizer : s.compare;
    const mineApplies = which === 0 && s.mine && mineFn && mineExercise && ((mineExercise === 'momentum-step' && kind === 'momentum') || (mineExercise === 'adam-step' && kind === 'adam'));
    if (mineApplies) return mineOptimizer(tf, reader, mineExercise!, mineFn!, s, (e) => runtimeError(e, mineOffset, '运行出错').message);
    return tfOptimizer(tf, kind, s, lr);
  };

  // Losses, accuracy and confusion are those of the last epoch's end (as the history): computed
  // once per epoch (or after an edit), not once per frame.
  let evalCache: { key: string; value: { train: ReturnType<Session['evaluate']>[]; test: ReturnType<Session['evaluate']>[] } } | undefined;
  let evalVersion = 0;
  const evalAll = () => {
    const s = session!;
    const key = `${evalVersion}:${s.epoch}:${s.midEpoch ? 'mid' : 'end'}`;
    if (evalCache && (evalCache.key === key || (s.midEpoch && evalCache.key.startsWith(`${evalVersion}:${s.epoch}:`)))) return evalCache.value;
    const value = { train: s.models.map((m) => s.evaluate(m, 'train')), test: s.models.map((m) => s.evaluate(m, 'test')) };
    evalCache = { key, value };
    return value;
  };

  const sendFrame = () => {
    const req = frameAsked;
    if (!req || !session) return;
    frameAsked = null;
    const s = session;
    const which = req.which < s.models.length ? req.which : 0;
    const snaps = s.models.map((m) => m.snapshot());
    const maps = s.maps(which, req.focus, snaps[which]);
    const ev = evalAll();
    const history = s.history.slice(sentHistory);
    sentHistory = s.history.length;
    post(
      {
        type: 'frame',
        epoch: s.epoch,
        steps: s.steps,
        playing,
        lr: s.models.map((_, i) => s.lrOf(i)),
        train: ev.train,
        test: ev.test,
        history,
        main: maps.main,
        mainClass: maps.mainClass,
        thumbs: maps.thumbs,
        weights: snaps[0]!,
        diagnostics: req.diagnostics ? s.diagnostics(which, snaps[which]) : null,
      },
      [maps.main.buffer, maps.thumbs.buffer, ...(maps.mainClass ? [maps.mainClass.buffer] : [])],
    );
  };

  const stop = (reason: Extract<WorkerToPage, { type: 'paused' }>['reason']) => {
    playing = false;
    pauseAsked = false;
    post({ type: 'paused', epoch: session?.epoch ?? 0, reason });
  };

  /** After an epoch: checkpoint, stop rules. Returns a reason to stop, if any. */
  const afterEpoch = (): Extract<WorkerToPage, { type: 'paused' }>['reason'] | undefined => {
    const s = session!;
    sendCheckpoint();
    const last = s.history[s.history.length - 1];
    if (last && last.train.some((x) => !Number.isFinite(x))) return 'diverged';
    if (s.s.stopEpochs > 0 && s.epoch >= s.s.stopEpochs) return 'budget';
    if (s.s.stopLoss > 0 && last && (last.train[0] ?? Infinity) <= s.s.stopLoss) return 'target';
    return undefined;
  };

  /** Trains one mini-batch; reports a learner failure and stops. */
  const batch = (): boolean | 'failed' => {
    try {
      return session!.trainBatch();
    } catch (e) {
      if (e instanceof MineError) post({ type: 'error', code: e.code, detail: e.message });
      else post({ type: 'error', code: 'internal', detail: String((e as Error)?.message ?? e).slice(0, 500) });
      stop('error');
      return 'failed';
    }
  };

  function run() {
    if (!session) return;
    if (playing) {
      const t0 = now();
      do {
        const done = batch();
        if (done === 'failed') break;
        if (done) {
          const why = afterEpoch();
          if (why) {
            stop(why);
            break;
          }
          if (pauseAsked) {
            stop('user');
            break;
          }
          // A slice ends at an epoch's end, so a pending frame request shows the new epoch.
          break;
        }
      } while (now() - t0 < SLICE_MS);
    }
    sendFrame();
    if (playing) schedule();
  }

  return {
    handle(m: PageToWorker) {
      switch (m.type) {
        case 'init': {
          session?.dispose();
          session = undefined;
          playing = false;
          pauseAsked = false;
          sentHistory = 0;
          evalVersion++;
          mineFn = undefined;
          mineExercise = undefined;
          if (m.mine && m.state.mine && !loadMine(m.mine.exercise, m.mine.code)) {
            // Their code can't load: train with tf.train's optimizer instead, and say so (the error went out).
          }
          try {
            session = new Session(tf, m.state, makeOptimizer(m.state), m.restore?.weights);
          } catch (e) {
            post({ type: 'error', code: 'internal', detail: String((e as Error)?.message ?? e).slice(0, 500) });
            return;
          }
          if (m.restore) {
            session.epoch = m.restore.epoch;
            session.steps = m.restore.steps;
            session.history = m.restore.history.slice();
            sentHistory = session.history.length;
          } else session.start();
          const pts = (list: readonly { x1: number; x2: number; label: number }[]) => ({
            x1: Float32Array.from(list, (p) => p.x1),
            x2: Float32Array.from(list, (p) => p.x2),
            label: Float32Array.from(list, (p) => p.label),
          });
          const train = pts(session.data.train);
          const test = pts(session.data.test);
          post({ type: 'inited', train, test, epoch: session.epoch }, [train.x1.buffer, train.x2.buffer, train.label.buffer, test.x1.buffer, test.x2.buffer, test.label.buffer]);
          return;
        }
        case 'update':
          if (!session) return;
          if (needsRebuild(session.s, m.state)) return post({ type: 'error', code: 'bad-command', detail: 'needs init' });
          session.updateLive(m.state);
          evalVersion++;
          return;
        case 'play':
          if (!session || playing) return;
          playing = true;
          pauseAsked = false;
          schedule();
          return;
        case 'pause':
          if (!session) return;
          if (!playing) return post({ type: 'paused', epoch: session.epoch, reason: 'user' });
          // Mid-epoch: finish the epoch first, so a paused session always sits on an epoch boundary.
          if (session.midEpoch) pauseAsked = true;
          else stop('user');
          return;
        case 'step': {
          if (!session || playing) return;
          do {
            const done = batch();
            if (done === 'failed') return;
            if (done) break;
          } while (session.midEpoch);
          afterEpoch();
          post({ type: 'paused', epoch: session.epoch, reason: 'step' });
          sendFrame();
          return;
        }
        case 'frame':
          frameAsked = m;
          if (!playing) sendFrame();
          return;
        case 'set':
          if (!session) return;
          if (!session.setParam(m.layer, m.from, m.to, m.value)) post({ type: 'error', code: 'bad-command' });
          evalVersion++;
          sendCheckpoint();
          return;
        case 'trace': {
          if (!session) return;
          const tr = session.trace(m.index);
          post({ type: 'trace', ...tr });
          return;
        }
      }
    },
  };
}
