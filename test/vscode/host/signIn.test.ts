import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { tokenFingerprint } from "../../sim/tokens";
import { eventually, extensionApi, rows, signInToSimulator, signOut, withWorkspaceSettings } from "./api";
import { sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

describe("sign-in and sign-out", () => {
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();

  before(async () => {
    api = await extensionApi();
    await sim.control.reset();
    await sim.control.setPats(sampleItems);
    await signOut();
  });
  after(signOut);

  it("shows nothing (the welcome view) while signed out", async () => {
    assert.equal(await api.signedInHost(), undefined);
    assert.deepEqual(await rows(api), []);
  });

  it("checks the token with one request, stores the connection and shows the list", async () => {
    await sim.control.clearRequests();
    assert.equal(await signInToSimulator(), true);
    assert.equal(await api.signedInHost(), new URL(sim.url).host);
    assert.equal((await rows(api)).length, 3);
    const requests = await sim.control.requests();
    assert.equal(requests.length, 1, "sign-in's check doubles as the first load");
    assert.equal(requests[0]?.authorization.scheme, "Bearer");
  });

  it("keeps nothing when Dfns rejects the token", async () => {
    await signOut();
    const revoked = await sim.control.issueToken();
    await sim.control.revokeToken(revoked);
    const ok = await vscode.commands.executeCommand("dfns.signIn", { baseUrl: sim.url, token: revoked });
    assert.equal(ok, false);
    assert.equal(await api.signedInHost(), undefined);
    await vscode.commands.executeCommand("notifications.clearAll");
  });

  it("refuses a base URL that would send the token in clear", async () => {
    const ok = await vscode.commands.executeCommand("dfns.signIn", {
      baseUrl: "http://example.com",
      token: sim.token,
    });
    assert.equal(ok, false);
    assert.equal(await api.signedInHost(), undefined);
    await vscode.commands.executeCommand("notifications.clearAll");
  });

  it("accepts an opaque (non-JWT) token", async () => {
    const opaque = await sim.control.issueToken({ format: "opaque" });
    assert.equal(
      await vscode.commands.executeCommand("dfns.signIn", { baseUrl: sim.url, token: opaque }),
      true,
    );
    assert.equal((await rows(api)).length, 3);
  });

  it("forgets the connection on sign-out and shows the welcome view again", async () => {
    await signOut();
    assert.equal(await api.signedInHost(), undefined);
    assert.deepEqual(await rows(api), []);
  });

  it("after a redirect, signs the connection in at another URL with the token it already has", async () => {
    await signOut();
    // A gateway path that has moved: kept although unchecked (it answers 404), then it redirects.
    assert.equal(await signInToSimulator({ baseUrl: `${sim.url}/old-gateway`, ifUnverified: "keep" }), true);
    const [connection] = await api.connections();
    assert.ok(connection);
    await sim.control.clearRequests();
    // What the row "Sign In with Another URL…" runs, with the URL typed in: no token is asked for.
    const signedIn = vscode.commands.executeCommand("dfns.signIn", {
      connectionId: connection.id,
      pickUrl: true,
      baseUrl: sim.url,
    });
    const outcome = await Promise.race([
      signedIn,
      new Promise((resolve) => setTimeout(() => resolve("still asking"), 5_000)),
    ]);
    assert.equal(outcome, true);
    const [moved, ...others] = await api.connections();
    assert.deepEqual(others, [], "the same connection, not a new one");
    assert.equal(moved?.id, connection.id);
    const [request] = await sim.control.requests();
    assert.equal(request?.authorization.fingerprint, tokenFingerprint(sim.token), "with the token it had");
    assert.equal(request?.url, "/auth/pats");
    await eventually(async () => assert.equal((await rows(api)).length, 3));
  });

  it("ignores workspace settings that try to point it elsewhere", async () => {
    const hostile = { "dfns.baseUrl": "https://attacker.example", "dfns.url": "https://attacker.example" };
    await withWorkspaceSettings(hostile, async () => {
      await eventually(() =>
        assert.equal(vscode.workspace.getConfiguration("dfns").get("baseUrl"), "https://attacker.example"),
      );
      assert.equal(await signInToSimulator(), true);
      await sim.control.clearRequests();
      await vscode.commands.executeCommand("dfns.refresh");
      assert.equal((await sim.control.requests()).length, 1, "the refresh went to the URL chosen at sign-in");
      assert.equal(api.treeView.message, undefined);
    });
  });
});
