/**
 * `virtual:dlc-heldout-digits` (astro.config.mjs, plugin dlc:heldout-digits): the held-out digits
 * file (src/generated/data/digits-heldout.<hash>.bin, gzip) as base64, for the browser's reference
 * worker only (exercises/train-classifier/digits.ts imports it dynamically).
 */
declare module 'virtual:dlc-heldout-digits' {
  const gzipBase64: string;
  export default gzipBase64;
}
