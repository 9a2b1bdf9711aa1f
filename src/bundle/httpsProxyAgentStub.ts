/**
 * Stands in for `https-proxy-agent` (and, through it, `agent-base` and `debug`: 17 KB) in the
 * bundle. The client sets `proxy: false`: in the extension host, VS Code routes Node's http/https
 * through the user's proxy settings itself, so axios must not add its own tunnel on top. Should that
 * setting ever be lost, a request through a proxy fails loudly. esbuild.mjs aliases it here.
 */
export = class HttpsProxyAgent {
  constructor() {
    throw new Error(
      "The Dfns client leaves proxies to VS Code (http.proxy); axios' own proxy agent is not bundled",
    );
  }
};
