// Bundles the extension into one minified CommonJS file; `vscode` is provided by the host.
import * as esbuild from "esbuild";

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
  },
  metafile: true,
  logLevel: "info",
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
