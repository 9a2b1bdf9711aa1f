/**
 * Stands in for axios' `shouldBypassProxy` helper (5 KB: NO_PROXY parsing) in the bundle. axios
 * calls it only when it looks for a proxy in the environment, which `proxy: false` in the client
 * turns off (proxies are VS Code's job). Reached anyway, it fails loudly. esbuild.mjs points axios'
 * import of `../helpers/shouldBypassProxy.js` here.
 */
export default function shouldBypassProxy(): never {
  throw new Error(
    "The Dfns client leaves proxies to VS Code (http.proxy); axios' NO_PROXY check is not bundled",
  );
}
