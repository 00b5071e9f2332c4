/**
 * Where a cell's edited code is kept: `dlc:cell:<id>` in localStorage, one JSON record
 * `{ v: 1, code, savedAt }` per cell. A tiny self-contained store (./drafts.ts), on purpose:
 * the progress store (src/progress/) is for graded exercises, is being reworked, and brings
 * zod; a cell draft needs no status, history or merge. Nothing here may import anything big.
 */
export const DRAFT_PREFIX = 'dlc:cell:';
