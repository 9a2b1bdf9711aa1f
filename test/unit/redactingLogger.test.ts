import assert from "node:assert/strict";
import type { Logger } from "../../src/util/logger";
import { redactingLogger } from "../../src/util/redactingLogger";

describe("redactingLogger", () => {
  it("removes every known secret from every level", () => {
    const lines: string[] = [];
    const sink: Logger = {
      debug: (m) => lines.push(m),
      info: (m) => lines.push(m),
      warn: (m) => lines.push(m),
      error: (m) => lines.push(m),
    };
    const secret = "fake-secret-token-value";
    const logger = redactingLogger(sink, () => [secret]);
    logger.debug(`a ${secret}`);
    logger.info(`${secret}${secret}`);
    logger.warn(`c ${secret}`);
    logger.error(`d ${secret} e`);
    assert.deepEqual(lines, ["a ‹redacted›", "‹redacted›‹redacted›", "c ‹redacted›", "d ‹redacted› e"]);
  });
});
