import { fileURLToPath } from 'node:url';

/**
 * The repository root. src/cli/bin.mjs sets it before it loads the CLI (which may run as a
 * bundle from node_modules/.cache, where import.meta.url says nothing about the repository);
 * tests and tsx load this file from src/cli/ itself.
 */
export const ROOT: string = (globalThis as { __dlcRoot?: string }).__dlcRoot ?? fileURLToPath(new URL('../../', import.meta.url));
