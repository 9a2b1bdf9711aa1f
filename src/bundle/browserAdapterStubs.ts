/**
 * Stand in for axios' `xhr` and `fetch` adapters in the bundle. In Node, axios picks its `http`
 * adapter (the client asks for it by name), so these never run; `false` is axios' own word for
 * "not supported here". Dropping them saves bundle size, and the fetch adapter's probe of Node's
 * fetch at load time. esbuild.mjs points axios' imports of `./xhr.js` and `./fetch.js` here.
 */
export default false;
export const getFetch = (): false => false;
