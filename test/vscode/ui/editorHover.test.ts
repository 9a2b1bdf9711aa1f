// Dfns ids in a file explain themselves on hover, in the real workbench with the packaged extension.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { artifactsDir } from "../harness/paths";
import { ui } from "../harness/ui-fixture";
import { answer, openDfnsView, pick, runCommand, treeRows } from "./actions";

interface SimPat {
  name: string;
  tokenId: string;
  credId: string;
  isActive: boolean;
}

describe("hovering a Dfns id in the editor", () => {
  let page: Page;
  let pat: SimPat;

  before(async () => {
    const { sim, server } = ui();
    sim.reset();
    sim.generate(12, { seed: 42 });
    pat = (sim.pats as SimPat[]).find((candidate) => candidate.isActive && candidate.credId !== "") as SimPat;
    fs.writeFileSync(
      path.join(server.workspace, "service.env"),
      `# Credentials of the payments service\nDFNS_TOKEN_ID=${pat.tokenId}\nDFNS_CRED_ID=${pat.credId}\n`,
    );
    page = await ui().reload();
    const pane = await openDfnsView(page);
    await runCommand(page, "Dfns: Sign In");
    await pick(page, "Custom URL");
    await answer(page, "Custom URL", sim.url);
    await answer(page, "Token for", ui().token);
    await answer(page, "Legacy App ID", "");
    await treeRows(pane).first().waitFor({ state: "visible", timeout: 30_000 });
  });

  it("shows the token's name, status and links when hovering its id", async () => {
    // Quick Open, as a person opens a file: F1, then a file name instead of a command.
    await page.keyboard.press("F1");
    await page.locator(".quick-input-widget input").fill("service.env");
    await pick(page, "service.env");
    const line = page.locator(".monaco-editor .view-line", { hasText: "DFNS_TOKEN_ID" });
    await line.waitFor({ state: "visible", timeout: 20_000 });
    // The line is re-rendered once the .env grammar has tokenized it: ask again until it settles.
    const token = line.locator("span[class^='mtk']").last();
    let box = await token.boundingBox();
    for (let tries = 0; !box && tries < 50; tries++) {
      await page.waitForTimeout(100);
      box = await token.boundingBox();
    }
    assert.ok(box, "the id's text is on screen");
    // Hover the id itself (the span holds `DFNS_TOKEN_ID=` too on some themes: aim at its end).
    await page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
    const hover = page.locator(".monaco-hover", { hasText: pat.name });
    await hover.waitFor({ state: "visible", timeout: 20_000 });
    const text = (await hover.textContent()) ?? "";
    assert.match(text, /Reveal in Sidebar/);
    assert.match(text, /Copy token ID/i);
    await page.screenshot({
      path: path.join(artifactsDir, "screenshots", "hover.png"),
      clip: { x: 0, y: 0, width: 1400, height: 300 },
    });
  });
});
