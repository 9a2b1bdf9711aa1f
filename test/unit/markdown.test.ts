import assert from "node:assert/strict";
import { escapeMarkdown } from "../../src/util/markdown";

describe("escapeMarkdown", () => {
  it("turns a name into text that cannot link, run a command or embed HTML", () => {
    assert.equal(
      escapeMarkdown("[x](command:dfns.signOut) <img src=x>"),
      "\\[x\\]\\(command:dfns\\.signOut\\) \\<img src=x\\>",
    );
  });

  it("replaces line breaks, C1 controls, separators and bidirectional marks with spaces", () => {
    assert.equal(escapeMarkdown("a\nb\u0085c\u202eexe\u2066d\u200fe\u2028f\u061cg"), "a b c exe d e f g");
  });
});
