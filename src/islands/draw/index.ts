// The drawing pad (src/components/DigitPad.astro), once it is near the screen: reads the kept
// model (src/capstone/model-store.ts), lets the reader draw with pointer events (mouse, pen,
// finger; keyboard users get the sample button), preprocesses the drawing as MNIST did
// (src/capstone/preprocess.ts), shows the 28×28 input and asks the prediction worker (site code,
// numbers only) for probabilities, at most one request in flight and only for the latest drawing.
import { t } from '../../i18n/t';
import { countKeptParams } from '../../capstone/model-format';
import { loadModel, MODEL_KEPT_EVENT, type LoadedModel } from '../../capstone/model-store';
import { FIELD, prepareDigit } from '../../capstone/preprocess';
import { SAMPLES } from './samples';

const SIZE = 280;
/** Stroke width in canvas pixels: about a tenth of a digit's height, like MNIST's pen. */
const LINE_WIDTH = 20;

export function mountPad(root: HTMLElement): void {
  const name = root.dataset.model ?? '';
  const canvas = root.querySelector<HTMLCanvasElement>('[data-pad-canvas]')!;
  const preview = root.querySelector<HTMLCanvasElement>('[data-pad-preview]')!;
  const status = root.querySelector<HTMLElement>('[data-pad-status]')!;
  const said = root.querySelector<HTMLElement>('[data-pad-prediction]')!;
  const rows = [...root.querySelectorAll<HTMLLIElement>('[data-pad-probs] li')];
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const pctx = preview.getContext('2d')!;
  let model: LoadedModel | undefined;
  let worker: Worker | undefined;
  let nextId = 1;
  let inFlight = 0;
  let dirty = false;
  let drawing = false;
  let hasInk = false;
  let last: { x: number; y: number } | undefined;

  const setState = (state: string, text: string) => {
    root.dataset.padState = state;
    status.textContent = text;
  };

  const describe = (m: LoadedModel) => {
    const accuracy = m.model.accuracy !== undefined ? t('capstone.pad.accuracy', { pct: (100 * m.model.accuracy).toFixed(1) }) : '';
    const params = countKeptParams(m.model);
    if (!m.persisted) return t('capstone.pad.readyMemory', { name, params, accuracy });
    const time = m.savedAt ? new Date(m.savedAt).toLocaleString('zh-CN') : '';
    return t('capstone.pad.ready', { name, params, accuracy, time });
  };

  const useModel = async () => {
    setState('loading', t('capstone.pad.loading'));
    const r = await loadModel(name);
    if (!r.ok) {
      model = undefined;
      if (r.reason === 'none') setState('none', t('capstone.pad.none'));
      else if (r.reason === 'version') setState('error', t('capstone.pad.version', { name, found: r.found }));
      else if (r.reason === 'broken') setState('error', t('capstone.pad.broken', { name, detail: r.detail }));
      else setState('none', t('capstone.pad.unavailable'));
      return;
    }
    const size = r.loaded.model.inputShape.reduce((a, b) => a * b, 1);
    if (size !== FIELD * FIELD) {
      model = undefined;
      setState('error', t('capstone.pad.notImage', { name, shape: r.loaded.model.inputShape.join(', ') }));
      return;
    }
    model = r.loaded;
    worker ??= createWorker();
    worker.postMessage({ type: 'model', model: model.model });
    setState('ready', describe(model));
    if (hasInk) predict();
  };

  const createWorker = () => {
    const w = new Worker(new URL('../../capstone/predict.worker.ts', import.meta.url), { type: 'module', name: 'digit-pad' });
    w.addEventListener('message', (e: MessageEvent) => {
      const msg = e.data as { type?: unknown; id?: unknown; probs?: unknown };
      if (msg.type !== 'result' || typeof msg.id !== 'number') return;
      if (msg.id === inFlight) inFlight = 0;
      if (Array.isArray(msg.probs) && msg.probs.length === 10 && msg.probs.every((p) => typeof p === 'number' && Number.isFinite(p))) showProbs(msg.probs as number[]);
      if (dirty) predict();
    });
    return w;
  };

  const ink = (): Float32Array => {
    const data = ctx.getImageData(0, 0, SIZE, SIZE).data;
    const out = new Float32Array(SIZE * SIZE);
    for (let i = 0; i < out.length; i++) out[i] = data[4 * i + 3]! / 255;
    return out;
  };

  const predict = () => {
    dirty = true;
    if (inFlight) return;
    dirty = false;
    const prepared = prepareDigit(ink(), SIZE, SIZE);
    drawPreview(prepared?.pixels);
    if (!prepared) {
      clearProbs();
      return;
    }
    if (!model || !worker) {
      said.textContent = t('capstone.pad.waiting');
      return;
    }
    inFlight = nextId++;
    worker.postMessage({ type: 'predict', id: inFlight, pixels: prepared.pixels });
  };

  const drawPreview = (pixels: Float32Array | undefined) => {
    const img = pctx.createImageData(FIELD, FIELD);
    for (let i = 0; i < FIELD * FIELD; i++) {
      const v = Math.round(255 * (pixels?.[i] ?? 0));
      img.data.set([v, v, v, 255], 4 * i);
    }
    pctx.putImageData(img, 0, 0);
  };

  const clearProbs = () => {
    for (const li of rows) {
      li.querySelector<HTMLElement>('.pad-fill')!.style.width = '0';
      li.querySelector<HTMLElement>('.pad-pct')!.textContent = '–';
      li.removeAttribute('data-top');
    }
    delete root.dataset.padPrediction;
    said.textContent = t('capstone.pad.empty');
  };

  const showProbs = (probs: number[]) => {
    if (!hasInk) return;
    let top = 0;
    probs.forEach((p, d) => {
      if (p > probs[top]!) top = d;
      const li = rows[d]!;
      li.querySelector<HTMLElement>('.pad-fill')!.style.width = `${(100 * p).toFixed(1)}%`;
      li.querySelector<HTMLElement>('.pad-pct')!.textContent = `${(100 * p).toFixed(1)}%`;
    });
    rows.forEach((li, d) => (d === top ? li.setAttribute('data-top', '') : li.removeAttribute('data-top')));
    root.dataset.padPrediction = String(top);
    // The live region speaks when a stroke ends, not on every point of it.
    if (!drawing) said.textContent = t('capstone.pad.prediction', { digit: top, pct: (100 * probs[top]!).toFixed(0) });
  };

  // Drawing: pointer events cover mouse, pen and touch; the canvas keeps its own 280×280 pixels.
  const pen = () => {
    ctx.lineWidth = LINE_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = getComputedStyle(canvas).color || '#000';
  };
  const at = (e: PointerEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * SIZE, y: ((e.clientY - r.top) / r.height) * SIZE };
  };
  const segment = (a: { x: number; y: number }, b: { x: number; y: number }) => {
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
    hasInk = true;
  };
  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    drawing = true;
    pen();
    last = at(e);
    segment(last, last);
    predict();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!drawing || !last) return;
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [e];
    for (const ev of events.length > 0 ? events : [e]) {
      const p = at(ev);
      segment(last, p);
      last = p;
    }
    predict();
  });
  const end = () => {
    if (!drawing) return;
    drawing = false;
    last = undefined;
    predict();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  root.querySelector('[data-pad-clear]')!.addEventListener('click', () => {
    ctx.clearRect(0, 0, SIZE, SIZE);
    hasInk = false;
    predict();
  });
  let sample = 0;
  root.querySelector('[data-pad-sample]')!.addEventListener('click', () => {
    const s = SAMPLES[sample++ % SAMPLES.length]!;
    ctx.clearRect(0, 0, SIZE, SIZE);
    pen();
    for (const stroke of s.strokes) {
      for (let i = 1; i < stroke.length; i++) segment({ x: stroke[i - 1]![0], y: stroke[i - 1]![1] }, { x: stroke[i]![0], y: stroke[i]![1] });
    }
    status.dataset.sample = String(s.digit);
    said.textContent = t('capstone.pad.sampleDone', { digit: s.digit });
    predict();
  });

  // Only the alpha channel is read, so the ink can follow the theme: repaint it when the theme changes.
  new MutationObserver(() => {
    ctx.save();
    ctx.globalCompositeOperation = 'source-in';
    ctx.fillStyle = getComputedStyle(canvas).color || '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
    ctx.restore();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  document.addEventListener(MODEL_KEPT_EVENT, (e) => {
    if ((e as CustomEvent<{ name?: unknown }>).detail?.name === name) void useModel();
  });
  drawPreview(undefined);
  void useModel();
}
