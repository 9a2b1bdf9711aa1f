import type { ConnectionInfo } from "../connections/connectionStore";
import { DfnsError } from "../dfns/errors";
import type { PatList } from "../dfns/types";
import { Emitter } from "../util/emitter";
import type { Logger } from "../util/logger";

/** Anything that lists PATs for a connection: the Dfns client, or a fake in tests. */
export interface PatSource {
  listPats(signal?: AbortSignal): Promise<PatList>;
}

export type PatSourceFactory = (connection: ConnectionInfo) => PatSource;

/** A list as fetched, with when: the view keeps showing it while later refreshes fail. */
export interface PatSnapshot {
  readonly list: PatList;
  readonly fetchedAt: Date;
}

export interface PatListState {
  readonly connection: ConnectionInfo | undefined;
  /** The last good list for this connection. */
  readonly snapshot: PatSnapshot | undefined;
  /** The last refresh's failure, cleared by the next success. */
  readonly error: DfnsError | undefined;
  readonly loading: boolean;
}

/**
 * Holds the PAT list of the signed-in connection: one request at a time, the last good list kept
 * when a refresh fails, and answers that arrive after a sign-out or a switch of connection dropped.
 */
export class PatListService {
  private readonly changed = new Emitter<PatListState>();
  readonly onDidChange = this.changed.event;
  private current: PatListState = {
    connection: undefined,
    snapshot: undefined,
    error: undefined,
    loading: false,
  };
  /** `awaited`: a command waits for this answer (List PATs, the report), so closing the view keeps it. */
  private inFlight: { promise: Promise<PatListState>; abort: AbortController; awaited: boolean } | undefined;
  /** Bumped on every connection change, so a late answer for an old one is recognised and dropped. */
  private generation = 0;

  constructor(
    private readonly sourceFor: PatSourceFactory,
    private readonly logger: Logger,
  ) {}

  get state(): PatListState {
    return this.current;
  }

  /**
   * Switches to another connection (or none): forgets the list and cancels what is in flight.
   * `list`, when given, is one just fetched for it (sign-in checks the token that way).
   * Setting the connection already in use changes nothing.
   */
  setConnection(connection: ConnectionInfo | undefined, list?: PatList): void {
    if (!list && sameConnection(connection, this.current.connection)) {
      // A rename: the same token and list under another label.
      if (connection && connection.label !== this.current.connection?.label) {
        this.update({ ...this.current, connection });
      }
      return;
    }
    this.generation++;
    this.inFlight?.abort.abort();
    this.inFlight = undefined;
    const snapshot = list ? { list, fetchedAt: new Date() } : undefined;
    this.update({ connection, snapshot, error: undefined, loading: false });
  }

  /** The list if one was fetched, else fetches it. */
  async ensureLoaded(): Promise<PatListState> {
    if (this.current.snapshot || !this.current.connection) return this.current;
    const answer = this.refresh();
    if (this.inFlight) this.inFlight.awaited = true;
    return answer;
  }

  /** Fetches the list; a refresh asked for while one runs shares it rather than sending another. */
  refresh(): Promise<PatListState> {
    const connection = this.current.connection;
    if (!connection) return Promise.resolve(this.current);
    if (this.inFlight) return this.inFlight.promise;
    const abort = new AbortController();
    const generation = this.generation;
    const promise = this.fetch(connection, abort.signal).then((outcome) => {
      if (generation !== this.generation) return this.current;
      this.inFlight = undefined;
      this.update(
        outcome instanceof DfnsError
          ? { ...this.current, error: outcome, loading: false }
          : {
              ...this.current,
              snapshot: { list: outcome, fetchedAt: new Date() },
              error: undefined,
              loading: false,
            },
      );
      return this.current;
    });
    this.inFlight = { promise, abort, awaited: false };
    this.update({ ...this.current, loading: true });
    return promise;
  }

  /**
   * The view was closed: stops the request in flight unless a command waits for its answer. The list
   * and error stay as they were.
   */
  cancelUnlessAwaited(): void {
    if (!this.inFlight || this.inFlight.awaited) return;
    this.generation++; // its answer, if it still comes, is dropped
    this.inFlight.abort.abort();
    this.inFlight = undefined;
    this.update({ ...this.current, loading: false });
  }

  dispose(): void {
    this.inFlight?.abort.abort();
    this.changed.dispose();
  }

  /** Never rejects: a failure comes back as a DfnsError value. */
  private async fetch(connection: ConnectionInfo, signal: AbortSignal): Promise<PatList | DfnsError> {
    try {
      return await this.sourceFor(connection).listPats(signal);
    } catch (error) {
      if (error instanceof DfnsError) return error;
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Unexpected failure listing PATs: ${reason}`);
      return new DfnsError("network", { host: connection.host, reason });
    }
  }

  private update(state: PatListState): void {
    this.current = state;
    this.changed.fire(state);
  }
}

function sameConnection(a: ConnectionInfo | undefined, b: ConnectionInfo | undefined): boolean {
  if (!a || !b) return a === b;
  return a.baseUrl === b.baseUrl && a.token === b.token && a.appId === b.appId;
}
