/**
 * Stands in for `follow-redirects` in the bundle. The client sets `maxRedirects: 0`, so axios uses
 * Node's own http/https and never reaches this; should that setting ever be lost, requests fail
 * loudly instead of carrying the token to wherever a redirect points. esbuild.mjs aliases it here.
 */
function refuse(): never {
  throw new Error("Redirects are never followed: the token must stay with the chosen Dfns URL");
}

// Shaped like the real CommonJS package: `const { http, https } = require("follow-redirects")`.
export = { http: { request: refuse, get: refuse }, https: { request: refuse, get: refuse } };
