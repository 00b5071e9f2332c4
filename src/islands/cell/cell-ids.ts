/**
 * Build time only (Cell.astro's frontmatter): two cells on one page must not share an id, or
 * they would share a DOM id and a saved draft. An id is the `id` prop, else a hash of the code,
 * so two cells with the same code and no `id` collide too. The check fails the build with the
 * page, both cells' ids and the first line of each, rather than renumbering silently: a
 * renumbered id would move a reader's draft to another cell when an author inserts one above.
 */
export interface CellIdClaim {
  id: string;
  /** Whether the id came from the `id` prop (else it is the code's hash). */
  explicit: boolean;
  /** The cell's title or first line of code, for the message. */
  label: string;
}

const pages = new WeakMap<object, Map<string, CellIdClaim>>();

/** Records a cell's id for the page being rendered (`page` is that render's Astro.request). */
export function claimCellId(page: object, where: string, claim: CellIdClaim): void {
  let seen = pages.get(page);
  if (!seen) pages.set(page, (seen = new Map()));
  const first = seen.get(claim.id);
  if (!first) {
    seen.set(claim.id, claim);
    return;
  }
  const how = claim.explicit
    ? `两个单元格都写了 id="${claim.id}"`
    : `两个单元格的代码完全相同，又都没有写 id，于是都得到了 id "${claim.id}"（代码的哈希）`;
  throw new Error(
    `Cell: ${where} 上有重复的单元格 id：${how}。\n  第一个：${first.label}\n  第二个：${claim.label}\n` +
      `请给其中一个加上不同的 id="…"（它也是草稿的存储键）。 / Duplicate cell id "${claim.id}" on ${where}: give one of the cells its own id prop.`,
  );
}
