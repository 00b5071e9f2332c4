// The playground's controls: every setting of the state, each labelled and wrapped so that
// `<control>_hide` can hide it. `sync(state)` writes the state into the controls (a preset or
// a new hash); user edits call `change(patch)`. Nothing here talks to the worker.
import { t, type MessageKey } from '../../i18n/t';
import { parseCsv } from '../../playground/data';
import { generate } from '../../playground/data';
import {
  ACTIVATIONS, DATASETS, FEATURES, INITS, LEARNING_RATES, LIMITS, OPTIMIZERS, REG_RATES, REGULARIZERS, SCHEDULES, classCount, defaultLayer, isRegression,
  type Hidable, type LayerSettings, type PlaygroundState,
} from '../../playground/state';
import { exerciseUrl } from '../../lib/url';
import { field, h, select } from './dom';

const k = (key: string) => t(key as MessageKey);

export interface Controls {
  data: HTMLElement;
  features: HTMLElement;
  network: HTMLElement;
  training: HTMLElement;
  outputToggles: HTMLElement;
  sync(s: PlaygroundState): void;
  /** The state of 用我的实现's availability (an exercise id when it can't be used yet). */
  setMine(m: { exercise: string | null; passed: boolean }): void;
  /** Called when 点击热图添加点 is switched. */
  onAdding(cb: (on: boolean) => void): void;
  /** The class new points get. */
  addClass(): 0 | 1;
}

export function createControls(change: (patch: Partial<PlaygroundState>, why?: string) => void, say: (text: string) => void): Controls {
  let s: PlaygroundState;
  const opts = (ids: readonly string[], prefix: string) => ids.map((id) => [id, k(`${prefix}.${id}`)] as const);
  const range = (min: number, max: number, step: number) => h('input', { type: 'range', min, max, step });

  // --- data -----------------------------------------------------------------------------------
  const dataset = select(opts(DATASETS, 'playground.datasets'), 'circle');
  dataset.addEventListener('change', () => {
    const d = dataset.value as PlaygroundState['dataset'];
    const patch: Partial<PlaygroundState> = { dataset: d };
    if (isRegression(d)) patch.loss = 'mse';
    if (d === 'custom' && s.points.length < 2) patch.points = [[-3, -3, 0], [3, 3, 1]];
    change(patch);
  });
  const noise = range(0, 50, 5);
  const noiseOut = h('output', {});
  noise.addEventListener('input', () => change({ noise: Number(noise.value) }));
  const ratio = range(10, 90, 10);
  const ratioOut = h('output', {});
  ratio.addEventListener('input', () => change({ trainRatio: Number(ratio.value) }));
  const batch = range(1, 30, 1);
  const batchOut = h('output', {});
  batch.addEventListener('input', () => change({ batchSize: Number(batch.value) }));
  const regen = h('button', { type: 'button', class: 'pg-btn', 'data-control': 'regenerate' }, t('playground.regenerate'));
  regen.addEventListener('click', () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    change({ seed }, t('playground.regenerated', { seed }));
  });
  const adding = h('input', { type: 'checkbox' });
  const addClass = select([['1', t('playground.class1')], ['0', t('playground.class0')]], '1');
  const clear = h('button', { type: 'button', class: 'pg-btn' }, t('playground.clearPoints'));
  adding.addEventListener('change', () => {
    if (adding.checked && s.dataset !== 'custom') {
      // Start from the current points (two classes only), rounded for the URL.
      const base = classCount(s.dataset) === 2 && !isRegression(s.dataset) ? generate(s).slice(0, LIMITS.maxPoints - 100).map((p) => [Math.round(p.x1 * 100) / 100, Math.round(p.x2 * 100) / 100, p.label as 0 | 1] as [number, number, 0 | 1]) : [];
      change({ dataset: 'custom', loss: s.loss, points: base.length >= 2 ? base : [[-3, -3, 0], [3, 3, 1]] });
    }
    addingCb?.(adding.checked);
  });
  clear.addEventListener('click', () => change({ dataset: 'custom', points: [[-3, -3, 0], [3, 3, 1]] }));
  const csv = h('textarea', { rows: 4, spellcheck: 'false', class: 'pg-csv' });
  const csvBtn = h('button', { type: 'button', class: 'pg-btn' }, t('playground.csvApply'));
  const csvStatus = h('p', { class: 'pg-note', role: 'status' });
  csvBtn.addEventListener('click', () => {
    const r = parseCsv(csv.value);
    const rows = r.errors.slice(0, 10).map((e) => k(`playground.csvRow.${e.code}`).replace('{line}', String(e.line))).join('；');
    if (r.points.length < 2) {
      csvStatus.textContent = r.errors.length ? `${t('playground.csvNone')} ${rows}` : t('playground.csvNone');
      csv.setAttribute('aria-invalid', 'true');
      return;
    }
    csv.removeAttribute('aria-invalid');
    csvStatus.textContent = r.errors.length ? t('playground.csvRows', { n: r.points.length, bad: r.errors.length, rows }) : t('playground.csvOk', { n: r.points.length });
    change({ dataset: 'custom', points: r.points });
  });
  let addingCb: ((on: boolean) => void) | undefined;
  const data = h(
    'fieldset',
    { class: 'pg-group' },
    h('legend', {}, t('playground.sections.data')),
    field('dataset', t('playground.dataset'), dataset),
    field('noise', t('playground.noise'), noise, noiseOut),
    field('trainRatio', t('playground.trainRatio'), ratio, ratioOut),
    field('batchSize', t('playground.batchSize'), batch, batchOut),
    regen,
    h('div', { class: 'pg-addpoints', 'data-control': 'addPoints' }, field(undefined, t('playground.addPoints'), adding), field(undefined, t('playground.addClass'), addClass), clear),
    h('div', { 'data-control': 'csv' }, field(undefined, t('playground.csvLabel'), csv), csvBtn, csvStatus),
  );

  // --- features -------------------------------------------------------------------------------
  const featureBoxes = FEATURES.map((f) => {
    const box = h('input', { type: 'checkbox', 'data-feature': f });
    box.addEventListener('change', () => {
      const next = FEATURES.filter((g) => (g === f ? box.checked : s.features.includes(g)));
      if (next.length === 0) {
        box.checked = true;
        say(t('playground.featureNeed'));
        return;
      }
      change({ features: next });
    });
    return h('div', { class: 'pg-check' }, box, h('label', {}, k(`playground.featureNames.${f}`)));
  });
  featureBoxes.forEach((row) => {
    const box = row.querySelector('input')!;
    box.id = `pg-f-${Math.random().toString(36).slice(2)}`;
    row.querySelector('label')!.htmlFor = box.id;
  });
  const features = h('fieldset', { class: 'pg-group', 'data-control': 'features' }, h('legend', {}, t('playground.sections.features')), h('div', { class: 'pg-checks' }, ...featureBoxes));

  // --- network --------------------------------------------------------------------------------
  const layerCount = h('output', { class: 'pg-count', 'aria-live': 'polite' });
  const addLayer = h('button', { type: 'button', class: 'pg-btn', 'data-key': 'add-layer' }, `＋ ${t('playground.addLayer')}`);
  const removeLayer = h('button', { type: 'button', class: 'pg-btn', 'data-key': 'remove-layer' }, `－ ${t('playground.removeLayer')}`);
  addLayer.addEventListener('click', () => {
    if (s.layers.length >= LIMITS.maxLayers) return;
    const last = s.layers[s.layers.length - 1];
    change({ layers: [...s.layers, last ? { ...last, residual: false } : defaultLayer(4)] });
  });
  removeLayer.addEventListener('click', () => change({ layers: s.layers.slice(0, -1) }));
  const actAll = select(opts(ACTIVATIONS, 'playground.activations'), 'tanh');
  actAll.addEventListener('change', () => change({ layers: s.layers.map((l) => ({ ...l, activation: actAll.value as LayerSettings['activation'] })) }));
  const table = h('div', { class: 'pg-layers', 'data-control': 'layerSettings' });
  const network = h(
    'fieldset',
    { class: 'pg-group' },
    h('legend', {}, t('playground.sections.network')),
    h('div', { class: 'pg-row', 'data-control': 'network' }, removeLayer, layerCount, addLayer),
    field('activation', t('playground.activationAll'), actAll),
    table,
  );
  const setLayer = (i: number, patch: Partial<LayerSettings>) => change({ layers: s.layers.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const buildLayers = () => {
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
    table.replaceChildren(
      ...s.layers.map((layer, i) => {
        const n = i + 1;
        const more = h('button', { type: 'button', class: 'pg-btn pg-small', 'aria-label': t('playground.moreUnits', { l: n }), 'data-key': `more-${i}`, disabled: layer.units >= LIMITS.maxUnits }, '＋');
        const fewer = h('button', { type: 'button', class: 'pg-btn pg-small', 'aria-label': t('playground.fewerUnits', { l: n }), 'data-key': `fewer-${i}`, disabled: layer.units <= 1 }, '－');
        more.addEventListener('click', () => setLayer(i, { units: Math.min(LIMITS.maxUnits, layer.units + 1) }));
        fewer.addEventListener('click', () => setLayer(i, { units: Math.max(1, layer.units - 1) }));
        const units = h('input', { type: 'number', min: 1, max: LIMITS.maxUnits, step: 1, value: layer.units, 'data-key': `units-${i}` });
        units.addEventListener('change', () => {
          const v = Math.round(Number(units.value));
          if (Number.isFinite(v) && v >= 1 && v <= LIMITS.maxUnits) setLayer(i, { units: v });
          else units.value = String(layer.units);
        });
        const act = select(opts(ACTIVATIONS, 'playground.activations'), layer.activation);
        act.dataset.key = `act-${i}`;
        act.addEventListener('change', () => setLayer(i, { activation: act.value as LayerSettings['activation'] }));
        const init = select(opts(INITS, 'playground.inits'), layer.init);
        init.dataset.key = `init-${i}`;
        init.addEventListener('change', () => setLayer(i, { init: init.value as LayerSettings['init'] }));
        const drop = h('input', { type: 'number', min: 0, max: 0.9, step: 0.05, value: layer.dropout, 'data-key': `drop-${i}` });
        drop.addEventListener('change', () => {
          const v = Number(drop.value);
          if (Number.isFinite(v) && v >= 0 && v <= 0.9) setLayer(i, { dropout: v });
          else drop.value = String(layer.dropout);
        });
        const bn = h('input', { type: 'checkbox', 'data-key': `bn-${i}` });
        bn.checked = layer.batchNorm;
        bn.addEventListener('change', () => setLayer(i, { batchNorm: bn.checked }));
        const res = h('input', { type: 'checkbox', 'data-key': `res-${i}` });
        res.checked = layer.residual;
        res.addEventListener('change', () => setLayer(i, { residual: res.checked }));
        return h(
          'fieldset',
          { class: 'pg-layer' },
          h('legend', {}, t('playground.layer', { l: n })),
          h('div', { class: 'pg-row' }, fewer, field(undefined, t('playground.units'), units), more),
          field(undefined, t('playground.activation'), act),
          field(undefined, t('playground.init'), init),
          field(undefined, t('playground.dropout'), drop),
          h('div', { class: 'pg-check' }, bn, h('label', {}, t('playground.batchNorm'))),
          h('div', { class: 'pg-check' }, res, h('label', {}, t('playground.residual'))),
        );
      }),
      s.layers.some((l) => l.residual) ? h('p', { class: 'pg-note' }, t('playground.residualNote')) : '',
    );
    for (const row of table.querySelectorAll<HTMLElement>('.pg-check')) {
      const input = row.querySelector('input')!;
      input.id = `pg-c-${Math.random().toString(36).slice(2)}`;
      row.querySelector('label')!.htmlFor = input.id;
    }
    if (focusedKey) (network.querySelector<HTMLElement>(`[data-key="${focusedKey}"]`) ?? (focusedKey.startsWith('fewer') || focusedKey.startsWith('more') ? removeLayer : null))?.focus();
  };

  // --- training -------------------------------------------------------------------------------
  const lrOptions = (v: number) => {
    const values = [...new Set([...LEARNING_RATES, v])].sort((a, b) => a - b);
    return values.map((x) => [String(x), String(x)] as const);
  };
  const lr = select(lrOptions(0.03), '0.03');
  lr.addEventListener('change', () => change({ learningRate: Number(lr.value) }));
  const schedule = select(opts(SCHEDULES, 'playground.schedules'), 'constant');
  schedule.addEventListener('change', () => change({ schedule: schedule.value as PlaygroundState['schedule'] }));
  const num = (min: number, max: number, step: number | 'any', key: keyof PlaygroundState, int = false) => {
    const input = h('input', { type: 'number', min, max, step });
    input.addEventListener('change', () => {
      const v = Number(input.value);
      if (input.value.trim() !== '' && Number.isFinite(v) && v >= min && v <= max && (!int || Number.isInteger(v))) {
        input.removeAttribute('aria-invalid');
        change({ [key]: v } as Partial<PlaygroundState>);
      } else {
        input.setAttribute('aria-invalid', 'true');
        say(t('playground.weightBad'));
      }
    });
    return input;
  };
  const gamma = num(0.01, 1, 'any', 'scheduleGamma');
  const every = num(1, 10_000, 1, 'scheduleEvery', true);
  const optimizer = select(opts(OPTIMIZERS, 'playground.optimizers'), 'sgd');
  optimizer.addEventListener('change', () => change({ optimizer: optimizer.value as PlaygroundState['optimizer'] }));
  const momentum = num(0, 0.999, 'any', 'momentum');
  const beta1 = num(0, 0.999, 'any', 'beta1');
  const beta2 = num(0, 0.99999, 'any', 'beta2');
  const rho = num(0, 0.999, 'any', 'rho');
  const epsilon = num(1e-10, 1, 'any', 'epsilon');
  const compare = select([['none', t('playground.compareNone')], ...opts(OPTIMIZERS, 'playground.optimizers')], 'none');
  compare.addEventListener('change', () => change({ compare: compare.value as PlaygroundState['compare'] }));
  const compareLr = select(lrOptions(0.03), '0.03');
  compareLr.addEventListener('change', () => change({ compareLr: Number(compareLr.value) }));
  const mineBtn = h('button', { type: 'button', class: 'pg-btn', 'aria-pressed': 'false' }, t('playground.mine'));
  const mineLink = h('a', { class: 'pg-mine-link', hidden: true });
  const mineNote = h('span', { class: 'pg-note', hidden: true }, t('playground.mineOnlyFor'));
  mineBtn.addEventListener('click', () => change({ mine: !s.mine }));
  const reg = select(opts(REGULARIZERS, 'playground.regularizations'), 'none');
  reg.addEventListener('change', () => change({ regularization: reg.value as PlaygroundState['regularization'] }));
  const regRate = select(REG_RATES.map((x) => [String(x), String(x)] as const), '0');
  regRate.addEventListener('change', () => change({ regRate: Number(regRate.value) }));
  const loss = select(opts(['mse', 'ce'], 'playground.losses'), 'mse');
  loss.addEventListener('change', () => change({ loss: loss.value as PlaygroundState['loss'] }));
  const stopEpochs = num(0, 100_000, 1, 'stopEpochs', true);
  const stopLoss = num(0, 10, 'any', 'stopLoss');
  const wrap = (control: Hidable | undefined, label: string, input: HTMLElement, cls?: string) => {
    const f = field(control, label, input);
    if (cls) f.classList.add(cls);
    return f;
  };
  const fMomentum = wrap('optimizer', t('playground.momentum'), momentum);
  const fBeta1 = wrap('optimizer', t('playground.beta1'), beta1);
  const fBeta2 = wrap('optimizer', t('playground.beta2'), beta2);
  const fRho = wrap('optimizer', t('playground.rho'), rho);
  const fEps = wrap('optimizer', t('playground.epsilon'), epsilon);
  const fGamma = wrap('schedule', t('playground.scheduleGamma'), gamma);
  const fEvery = wrap('schedule', t('playground.scheduleEvery'), every);
  const fCompareLr = wrap('compare', t('playground.compareLr'), compareLr);
  const training = h(
    'fieldset',
    { class: 'pg-group pg-training' },
    h('legend', {}, t('playground.sections.training')),
    wrap('learningRate', t('playground.learningRate'), lr),
    wrap('schedule', t('playground.schedule'), schedule),
    fGamma,
    fEvery,
    wrap('optimizer', t('playground.optimizer'), optimizer),
    fMomentum,
    fBeta1,
    fBeta2,
    fRho,
    fEps,
    h('div', { class: 'pg-field pg-mine', 'data-control': 'mine' }, mineBtn, mineLink, mineNote),
    wrap('compare', t('playground.compare'), compare),
    fCompareLr,
    wrap('regularization', t('playground.regularization'), reg),
    wrap('regRate', t('playground.regRate'), regRate),
    wrap('loss', t('playground.loss'), loss),
    wrap('stop', t('playground.stopEpochs'), stopEpochs),
    wrap('stop', t('playground.stopLoss'), stopLoss),
  );

  // --- output toggles -------------------------------------------------------------------------
  const showTest = h('input', { type: 'checkbox' });
  showTest.addEventListener('change', () => change({ showTest: showTest.checked }));
  const discretize = h('input', { type: 'checkbox' });
  discretize.addEventListener('change', () => change({ discretize: discretize.checked }));
  const check = (control: Hidable, label: string, input: HTMLInputElement) => {
    input.id = `pg-o-${Math.random().toString(36).slice(2)}`;
    return h('div', { class: 'pg-check', 'data-control': control }, input, h('label', { for: input.id }, label));
  };
  const outputToggles = h('div', { class: 'pg-row' }, check('showTest', t('playground.showTest'), showTest), check('discretize', t('playground.discretize'), discretize));

  let mineState: { exercise: string | null; passed: boolean } = { exercise: null, passed: false };
  const syncMine = () => {
    const usable = mineState.exercise !== null && mineState.passed;
    mineBtn.disabled = !usable;
    mineBtn.setAttribute('aria-pressed', String(usable && s.mine));
    mineLink.hidden = mineState.exercise === null || mineState.passed;
    if (mineState.exercise) {
      mineLink.textContent = t('playground.mineLocked', { id: mineState.exercise });
      mineLink.setAttribute('href', exerciseUrl(mineState.exercise));
    }
    mineNote.hidden = mineState.exercise !== null;
  };

  return {
    data,
    features,
    network,
    training,
    outputToggles,
    sync(next) {
      const layersChanged = !s || JSON.stringify(s.layers) !== JSON.stringify(next.layers);
      s = next;
      dataset.value = s.dataset;
      noise.value = String(s.noise);
      noiseOut.textContent = String(s.noise);
      ratio.value = String(s.trainRatio);
      ratioOut.textContent = `${s.trainRatio}%`;
      batch.value = String(s.batchSize);
      batchOut.textContent = String(s.batchSize);
      adding.checked = adding.checked && s.dataset === 'custom';
      for (const row of featureBoxes) {
        const box = row.querySelector('input')!;
        box.checked = s.features.includes(box.dataset.feature as (typeof FEATURES)[number]);
      }
      layerCount.textContent = t('playground.layersCount', { n: s.layers.length });
      addLayer.disabled = s.layers.length >= LIMITS.maxLayers;
      removeLayer.disabled = s.layers.length === 0;
      if (s.layers.length > 0 && s.layers.every((l) => l.activation === s.layers[0]!.activation)) actAll.value = s.layers[0]!.activation;
      if (layersChanged) buildLayers();
      lr.replaceChildren(...lrOptions(s.learningRate).map(([v, l]) => h('option', { value: v }, l)));
      lr.value = String(s.learningRate);
      schedule.value = s.schedule;
      gamma.value = String(s.scheduleGamma);
      every.value = String(s.scheduleEvery);
      fGamma.hidden = s.schedule !== 'step' && s.schedule !== 'exp';
      fEvery.hidden = s.schedule !== 'step' && s.schedule !== 'cosine';
      optimizer.value = s.optimizer;
      momentum.value = String(s.momentum);
      beta1.value = String(s.beta1);
      beta2.value = String(s.beta2);
      rho.value = String(s.rho);
      epsilon.value = String(s.epsilon);
      const uses = (o: string[]) => o.includes(s.optimizer) || o.includes(s.compare);
      fMomentum.hidden = !uses(['momentum', 'nesterov']);
      fBeta1.hidden = fBeta2.hidden = !uses(['adam']);
      fRho.hidden = !uses(['rmsprop']);
      fEps.hidden = !uses(['adam', 'rmsprop']);
      compare.value = s.compare;
      compareLr.replaceChildren(...lrOptions(s.compareLr).map(([v, l]) => h('option', { value: v }, l)));
      compareLr.value = String(s.compareLr);
      fCompareLr.hidden = s.compare === 'none';
      reg.value = s.regularization;
      regRate.replaceChildren(...[...new Set([...REG_RATES, s.regRate])].sort((a, b) => a - b).map((x) => h('option', { value: String(x) }, String(x))));
      regRate.value = String(s.regRate);
      loss.value = s.loss;
      (loss.querySelector('option[value="ce"]') as HTMLOptionElement).disabled = isRegression(s.dataset);
      stopEpochs.value = String(s.stopEpochs);
      stopLoss.value = String(s.stopLoss);
      showTest.checked = s.showTest;
      discretize.checked = s.discretize;
      syncMine();
    },
    setMine(m) {
      mineState = m;
      if (s) syncMine();
    },
    onAdding(cb) {
      addingCb = cb;
    },
    addClass: () => (addClass.value === '1' ? 1 : 0),
  };
}
