/**
 * Browser stand-in for `node-fetch` (see astro.config.mjs, STACK.md "astro dev and tfjs").
 * tfjs only reaches for node-fetch in Node; in the browser the global fetch is used.
 */
const fetchStub: typeof fetch = (...args) => globalThis.fetch(...args);
export default fetchStub;
