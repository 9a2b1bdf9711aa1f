import assert from "node:assert/strict";
import { absoluteTime, relativeTime, useDisplayLocale } from "../../src/util/time";

describe("dates as the view shows them", () => {
  const now = Date.parse("2026-12-03T12:00:00.000Z");
  const threeDaysAgo = new Date(now - 3 * 24 * 3600 * 1000);
  afterEach(() => useDisplayLocale("en"));

  it("says how long ago, in English by default, and in VS Code's display language when told", () => {
    assert.equal(relativeTime(threeDaysAgo, now), "3 days ago");
    useDisplayLocale("de");
    assert.equal(relativeTime(threeDaysAgo, now), "vor 3 Tagen");
  });

  it("keeps English for a language tag that is not one", () => {
    useDisplayLocale("not a locale!");
    assert.equal(relativeTime(threeDaysAgo, now), "3 days ago");
  });

  it("gives absolute times in UTC, the same everywhere, and nothing for an unreadable date", () => {
    useDisplayLocale("de");
    assert.equal(absoluteTime(threeDaysAgo), "2026-11-30 12:00:00 UTC");
    assert.equal(relativeTime(new Date("not a date"), now), undefined);
    assert.equal(absoluteTime(new Date("not a date")), undefined);
  });
});
