import assert from "node:assert/strict";
import { l10n } from "../../src/util/l10n";

describe("l10n.t outside VS Code", () => {
  it("fills numbered placeholders, as often as they appear and in any order", () => {
    assert.equal(l10n.t("{1} before {0}, {0} again", "a", "b"), "b before a, a again");
    assert.equal(l10n.t("{0} tokens", 3), "3 tokens");
    assert.equal(l10n.t("{0}{1}", "x", true), "xtrue");
  });

  it("leaves the message alone without arguments, and what is not a placeholder as it is", () => {
    assert.equal(l10n.t("Sign In"), "Sign In");
    assert.equal(l10n.t("{name} {0} {5}", "A"), "{name} A {5}");
    assert.equal(l10n.t("{ {0} }", "z"), "{ z }");
    assert.equal(l10n.t("{0", "q"), "{0");
    assert.equal(l10n.t("{0}: {1}", "$&", "$1"), "$&: $1", "no RegExp replacement patterns");
  });
});
