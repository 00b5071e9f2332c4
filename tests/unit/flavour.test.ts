// The two learner realm builds (src/sandbox/flavour.ts): which jobs need tfjs-layers, that the
// `core` build has everything a function exercise can reach and nothing of tfjs-layers or zod,
// that it refuses a job that needs more, that jobs are checked by hand, and that a session
// switches builds without ever holding two realms.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { learnerBundlePath } from '../../src/cli/learner-bundle';
import { listExerciseIds, loadExerciseMeta } from '../../src/cli/exercises';
import { spawnNodeRealm } from '../../src/cli/node-realm';
import sandboxManifest from '../../src/generated/sandbox.json';
import type { LearnerOutcome } from '../../src/grader/types';
import { learnerPortFromPools } from '../../src/runtime/learner-port';
import type { Lease, Pool } from '../../src/runtime/pool';
import { ALLOWED_TF } from '../../src/sandbox/allowlist';
import * as tfjsCore from '@tensorflow/tfjs-core';
import * as tfjsLayers from '@tensorflow/tfjs-layers';
import { LAYERS_EXPORTS, LAYERS_GRANTS, realmFlavour, type RealmFlavour } from '../../src/sandbox/flavour';
import { GRANTABLE_TF } from '../../src/sandbox/grants';
import { tf as coreTf } from '../../src/sandbox/tf-core';
import { MAX_JOB_CODE, parseWireJob } from '../../src/sandbox/wire-realm';

/** Markers of each library in a bundle: class names that survive minification (tfjs-layers' initializer, zod's error). */
const ZOD = 'ZodError';
const LAYERS = ['GlorotUniform'];

const resolvePath = (ns: object, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], ns);

describe('which realm a job needs', () => {
  it('a function exercise with no layers grant runs in core; a layer exercise or a layers grant needs full', () => {
    expect(realmFlavour({ kind: 'function', grants: [] })).toBe('core');
    expect(realmFlavour({ kind: 'function', grants: ['train', 'losses', 'grad'] })).toBe('core');
    expect(realmFlavour({ kind: 'function', grants: ['sequential'] })).toBe('full');
    expect(realmFlavour({ kind: 'layer', grants: [] })).toBe('full');
  });
  it('the course today: three exercises need tfjs-layers, every other one runs in core', () => {
    const full = listExerciseIds().filter((id) => realmFlavour(loadExerciseMeta(id)) === 'full');
    expect(full.sort()).toEqual(['dense-layer', 'multi-head-attention', 'train-classifier']);
  });
});

describe('the core build of tfjs', () => {
  it('has every allowlisted name and every grant outside LAYERS_GRANTS', () => {
    const missing = [...ALLOWED_TF, ...GRANTABLE_TF.filter((g) => !(LAYERS_GRANTS as readonly string[]).includes(g))].filter((name) => resolvePath(coreTf, name) === undefined);
    expect(missing).toEqual([]);
  });
  it('LAYERS_EXPORTS lists exactly what tfjs-layers adds to tf, each of the right kind', () => {
    const added = Object.keys(tfjsLayers).filter((k) => !(k in tfjsCore));
    const kind = (v: unknown) => (typeof v === 'function' ? 'function' : typeof v === 'object' ? 'namespace' : 'value');
    expect(Object.fromEntries(added.map((k) => [k, kind((tfjsLayers as Record<string, unknown>)[k])]))).toEqual(LAYERS_EXPORTS);
  });
  it('lacks the tfjs-layers namespaces that LAYERS_GRANTS names', () => {
    const present = LAYERS_GRANTS.filter((g) => !g.includes('.') || g.startsWith('layers.')).filter((name) => resolvePath(coreTf, name) !== undefined);
    expect(present).toEqual([]);
  });
});

describe('the bundles', () => {
  const browser = (path: string) => readFileSync(new URL(`../../public/${path}`, import.meta.url), 'utf8');
  it('the browser core bundle has no zod and no tfjs-layers; the full one has both', () => {
    const core = browser(sandboxManifest.learnerRealmCore);
    const full = browser(sandboxManifest.learnerRealm);
    for (const marker of [ZOD, ...LAYERS]) {
      expect(core.includes(marker), `${marker} in core`).toBe(false);
      expect(full.includes(marker), `${marker} in full`).toBe(true);
    }
    expect(core.length).toBeLessThan(full.length * 0.8);
  });
  it('the Node core bundle has no zod and no tfjs-layers either', () => {
    const core = readFileSync(learnerBundlePath('core'), 'utf8');
    for (const marker of [ZOD, ...LAYERS]) expect(core.includes(marker), marker).toBe(false);
  });
});

describe('parseWireJob (the realm checks its job without zod)', () => {
  const job = { code: 'export const f = 1;', entry: 'f', kind: 'function', banned: ['sigmoid'], grants: [], cases: [{ args: [{ t: 'number', v: 1 }], layerCheck: 'apply' }] };
  it('keeps a well-formed job and drops fields it does not know', () => {
    expect(parseWireJob({ ...job, extra: 'x', cases: [{ ...job.cases[0], more: 1 }] })).toEqual(job);
  });
  it.each([
    ['no code', { ...job, code: undefined }],
    ['code over the limit', { ...job, code: 'x'.repeat(MAX_JOB_CODE + 1) }],
    ['an unknown kind', { ...job, kind: 'module' }],
    ['a banned name that is not a string', { ...job, banned: [1] }],
    ['cases that are not a list', { ...job, cases: {} }],
    ['a case without args', { ...job, cases: [{}] }],
    ['moreCalls that are not lists of arguments', { ...job, cases: [{ args: [], moreCalls: [1] }] }],
    ['an unknown layer check', { ...job, cases: [{ args: [], layerCheck: 'everything' }] }],
  ])('refuses %s', (_, bad) => {
    expect(parseWireJob(bad)).toBeUndefined();
  });
});

describe('a core realm', () => {
  const realms: { kill(): void }[] = [];
  afterAll(() => realms.forEach((r) => r.kill()));
  it('refuses a job that needs tfjs-layers, with the host-bug message, and no case runs', async () => {
    const ch = await spawnNodeRealm('core');
    realms.push(ch);
    const events: unknown[] = [];
    const ended = new Promise<void>((resolve) => ch.onMessage((d) => (events.push(d), (d as { type?: string }).type === 'fatal' && resolve())));
    ch.post({ code: 'export class L {}', entry: 'L', kind: 'layer', banned: [], grants: [], cases: [{ args: [] }] });
    await ended;
    expect(events).toEqual([{ type: 'fatal', error: { kind: 'runtime', message: expect.stringContaining('tf.layers') } }]);
  });
});

describe('a session across builds', () => {
  /** Fake pools that record every lease taken and released. */
  function fakePools() {
    const held = new Set<string>();
    const log: string[] = [];
    let maxHeld = 0;
    const pools = new Map<RealmFlavour, Pool>();
    const make = (flavour: RealmFlavour): Pool =>
      ({
        async lease(): Promise<Lease> {
          const id = `${flavour}#${log.length}`;
          held.add(id);
          maxHeld = Math.max(maxHeld, held.size);
          log.push(`lease ${flavour}`);
          return {
            run: async () => ({ status: 'done' }),
            release: () => {
              if (held.delete(id)) log.push(`release ${flavour}`);
            },
          };
        },
      }) as unknown as Pool;
    // Like the hosts' poolFor: one pool per build, the same one every time.
    const poolFor = (flavour: RealmFlavour): Pool => pools.get(flavour) ?? (pools.set(flavour, make(flavour)), pools.get(flavour)!);
    return { poolFor, log, maxHeld: () => maxHeld };
  }
  const job = (kind: string, grants: string[] = []) => ({ kind, grants, code: '', entry: 'f', banned: [], cases: [] });

  it('keeps one realm while the build stays the same, and releases it before taking the other build', async () => {
    const f = fakePools();
    const session = await learnerPortFromPools(f.poolFor).session!();
    const outcomes: LearnerOutcome[] = [];
    for (const j of [job('function'), job('function'), job('layer'), job('function')]) outcomes.push(await session.run(j as never, () => true, 1000));
    session.end();
    expect(outcomes.every((o) => o.status === 'done')).toBe(true);
    expect(f.log).toEqual(['lease core', 'release core', 'lease full', 'release full', 'lease core', 'release core']);
    expect(f.maxHeld()).toBe(1);
  });
});
