// Bundles the extension into one minified CommonJS file; `vscode` is provided by the host.
import * as path from "node:path";
import * as esbuild from "esbuild";

/**
 * Only axios' http adapter runs in the extension host, and never with a proxy of its own; see
 * src/bundle/browserAdapterStubs.ts and src/bundle/shouldBypassProxyStub.ts.
 */
const fromAxiosAdapters = (args) => args.importer.includes(path.join("axios", "lib", "adapters"));
const axiosNodeAdapterOnly = {
  name: "axios-node-adapter-only",
  setup(build) {
    build.onResolve({ filter: /^\.\/(xhr|fetch)\.js$/ }, (args) =>
      fromAxiosAdapters(args) ? { path: path.resolve("src/bundle/browserAdapterStubs.ts") } : undefined,
    );
    build.onResolve({ filter: /^\.\.\/helpers\/shouldBypassProxy\.js$/ }, (args) =>
      fromAxiosAdapters(args) ? { path: path.resolve("src/bundle/shouldBypassProxyStub.ts") } : undefined,
    );
  },
};

const watch = process.argv.includes("--watch");

const options = {
  entryPoints: ["src/extension.ts"],
  outfile: "dist/extension.js",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  sourcemap: false,
  external: ["vscode"],
  // axios for Node imports these for features the extension never uses; see the stubs' comments.
  alias: {
    "form-data": "./src/bundle/formDataStub.ts",
    "follow-redirects": "./src/bundle/followRedirectsStub.ts",
    "https-proxy-agent": "./src/bundle/httpsProxyAgentStub.ts",
  },
  metafile: true,
  plugins: [axiosNodeAdapterOnly],
  logLevel: "info",
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
