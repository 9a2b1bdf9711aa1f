import assert from "node:assert/strict";
import { type ConnectionInfo, describeConnection } from "../../src/connections/connectionStore";
import { DfnsError } from "../../src/dfns/errors";
import type { PatList } from "../../src/dfns/types";
import { PatListService, type PatSource } from "../../src/pats/patList";
import { silentLogger } from "../../src/util/logger";

const list = (count: number): PatList => ({
  pats: Array.from({ length: count }, (_, index) => ({
    tokenId: `to-${index}`,
    name: `pat-${index}`,
    kind: "Pat",
    isActive: true,
    dateCreated: "2026-01-01T00:00:00Z",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    credId: "",
    linkedUserId: "",
    linkedAppId: "",
    orgId: "",
    publicKey: "",
    permissionAssignments: [],
    raw: {},
  })),
  invalid: [],
});

/** A source whose answers the test releases by hand. */
class ControlledSource implements PatSource {
  calls = 0;
  signals: AbortSignal[] = [];
  private pending: { resolve: (value: PatList) => void; reject: (error: unknown) => void }[] = [];

  listPats(signal?: AbortSignal): Promise<PatList> {
    this.calls++;
    if (signal) this.signals.push(signal);
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  answer(value: PatList | Error): void {
    const next = this.pending.shift();
    if (!next) throw new Error("no request pending");
    if (value instanceof Error) next.reject(value);
    else next.resolve(value);
  }
}

const connectionA: ConnectionInfo = describeConnection(
  { baseUrl: "https://api.dfns.io", token: "token-a-test" },
  "a",
);
const connectionB: ConnectionInfo = describeConnection(
  { baseUrl: "https://api.dfns.io", token: "token-b-test" },
  "b",
);

describe("PatListService", () => {
  let source: ControlledSource;
  let service: PatListService;
  beforeEach(() => {
    source = new ControlledSource();
    service = new PatListService(() => source, silentLogger);
  });

  it("does nothing while signed out", async () => {
    await service.refresh();
    assert.equal(source.calls, 0);
  });

  it("makes one request for two refreshes at once", async () => {
    service.setConnection(connectionA);
    const first = service.refresh();
    const second = service.refresh();
    assert.equal(source.calls, 1);
    assert.equal(service.state.loading, true);
    source.answer(list(2));
    await Promise.all([first, second]);
    assert.equal(service.state.snapshot?.list.pats.length, 2);
    assert.equal(service.state.loading, false);
  });

  it("keeps the last good list when a refresh fails, and clears the error on success", async () => {
    service.setConnection(connectionA);
    const ok = service.refresh();
    source.answer(list(3));
    await ok;
    const failing = service.refresh();
    source.answer(new DfnsError("network", { host: "api.dfns.io", reason: "connection refused" }));
    await failing;
    assert.equal(service.state.snapshot?.list.pats.length, 3);
    assert.equal(service.state.error?.kind, "network");
    const again = service.refresh();
    source.answer(list(1));
    await again;
    assert.equal(service.state.error, undefined);
    assert.equal(service.state.snapshot?.list.pats.length, 1);
  });

  it("turns an unexpected exception into an error state instead of rejecting", async () => {
    service.setConnection(connectionA);
    const pending = service.refresh();
    source.answer(new TypeError("bug"));
    const state = await pending;
    assert.equal(state.error?.kind, "network");
    assert.match(state.error?.message ?? "", /bug/);
  });

  it("cancels and drops an answer that arrives after sign-out", async () => {
    service.setConnection(connectionA);
    const pending = service.refresh();
    service.setConnection(undefined);
    assert.equal(source.signals[0]?.aborted, true);
    source.answer(list(5));
    await pending;
    assert.equal(service.state.connection, undefined);
    assert.equal(service.state.snapshot, undefined);
  });

  it("drops an answer for a previous connection", async () => {
    service.setConnection(connectionA);
    const old = service.refresh();
    service.setConnection(connectionB);
    const current = service.refresh();
    source.answer(list(9));
    source.answer(list(1));
    await Promise.all([old, current]);
    assert.equal(service.state.connection, connectionB);
    assert.equal(service.state.snapshot?.list.pats.length, 1);
  });

  it("takes a list fetched at sign-in without another request, and ignores setting the same connection", () => {
    service.setConnection(connectionA, list(4));
    service.setConnection(describeConnection({ baseUrl: "https://api.dfns.io", token: "token-a-test" }, "a"));
    assert.equal(service.state.snapshot?.list.pats.length, 4);
    assert.equal(source.calls, 0);
  });

  it("ensureLoaded fetches only when there is no list yet", async () => {
    service.setConnection(connectionA);
    const first = service.ensureLoaded();
    source.answer(list(2));
    await first;
    await service.ensureLoaded();
    assert.equal(source.calls, 1);
  });

  it("notifies listeners of every change", async () => {
    const seen: boolean[] = [];
    service.onDidChange((state) => seen.push(state.loading));
    service.setConnection(connectionA);
    const pending = service.refresh();
    source.answer(list(1));
    await pending;
    assert.deepEqual(seen, [false, true, false]);
  });

  it("closing the view stops the request in flight and keeps what was shown", async () => {
    service.setConnection(connectionA, list(2));
    const pending = service.refresh();
    service.cancelUnlessAwaited();
    assert.equal(source.signals[0]?.aborted, true);
    assert.equal(service.state.loading, false);
    source.answer(list(7));
    await pending;
    assert.equal(service.state.snapshot?.list.pats.length, 2, "the late answer is dropped");
    assert.equal(service.state.error, undefined);
  });

  it("closing the view keeps a request a command waits for, even one the view started", async () => {
    service.setConnection(connectionA);
    const forTheView = service.refresh(); // the view's first look
    const forListPats = service.ensureLoaded(); // List PATs joins it
    service.cancelUnlessAwaited();
    assert.equal(source.signals[0]?.aborted, false);
    source.answer(list(3));
    assert.equal((await forListPats).snapshot?.list.pats.length, 3, "List PATs gets its list");
    assert.equal((await forTheView).snapshot?.list.pats.length, 3);
    assert.equal(source.calls, 1);
  });
});
