import { describe, expect, it } from 'vitest';
import { claimCellId } from '../../src/islands/cell/cell-ids';

describe('claimCellId (Cell.astro: duplicate cell ids fail the build)', () => {
  it('accepts distinct ids on a page and the same id on different pages', () => {
    const a = {};
    const b = {};
    claimCellId(a, '/a/', { id: 'x', explicit: true, label: 'x' });
    claimCellId(a, '/a/', { id: 'y', explicit: true, label: 'y' });
    expect(() => claimCellId(b, '/b/', { id: 'x', explicit: true, label: 'x' })).not.toThrow();
  });
  it('names the page and both cells for a duplicate explicit id', () => {
    const p = {};
    claimCellId(p, '/chapters/02/', { id: 'dup', explicit: true, label: '第一个单元格' });
    expect(() => claimCellId(p, '/chapters/02/', { id: 'dup', explicit: true, label: '第二个单元格' })).toThrow(/\/chapters\/02\/.*id="dup"[\s\S]*第一个单元格[\s\S]*第二个单元格/);
  });
  it('explains a collision of two identical cells without id', () => {
    const p = {};
    claimCellId(p, '/c/', { id: 'abc123', explicit: false, label: 'console.log(1)' });
    expect(() => claimCellId(p, '/c/', { id: 'abc123', explicit: false, label: 'console.log(1)' })).toThrow(/代码完全相同[\s\S]*Duplicate cell id "abc123"/);
  });
});
