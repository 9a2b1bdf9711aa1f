// UI smoke: the workbench comes up with the packaged extension's entry in the activity bar, as a user
// who installed the .vsix would see it.
import * as assert from "node:assert/strict";
import { ui } from "../harness/ui-fixture";

describe("workbench", () => {
  it("loads with the activity bar visible and the Dfns entry in it", async () => {
    const { page } = ui();
    const activityBar = page.locator(".monaco-workbench .part.activitybar");
    assert.equal(await activityBar.isVisible(), true);
    // Contributed by package.json's viewsContainers: proves the .vsix was installed and read.
    await activityBar.getByRole("tab", { name: /^Dfns/ }).waitFor({ state: "visible", timeout: 20_000 });
  });
});
