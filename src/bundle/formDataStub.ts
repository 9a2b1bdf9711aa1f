/**
 * Stands in for the `form-data` package in the bundle: this extension never uploads forms, and the
 * real package drags in `mime-db` (about 135 KB minified). esbuild.mjs aliases it here.
 */
class FormDataNotBundled {
  constructor() {
    throw new Error("Form uploads are not part of the Dfns PAT Explorer bundle");
  }
}

// `require("form-data")` must yield the class itself, as the real CommonJS package does.
export = FormDataNotBundled;
