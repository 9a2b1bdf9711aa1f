import { checkBaseUrl } from "../dfns/baseUrl";
import { decodeTokenClaims, type TokenClaims } from "../dfns/jwt";
import { type Disposable, Emitter } from "../util/emitter";
import { l10n } from "../util/l10n";

/** The subset of vscode.SecretStorage the store needs, so it runs and is tested without VS Code. */
export interface SecretStorageLike {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
  onDidChange(listener: (event: { key: string }) => unknown): Disposable;
}

/** Where the caller signed in. The base URL lives here with the token, never in settings. */
export interface Connection {
  readonly baseUrl: string;
  readonly token: string;
  readonly appId?: string;
}

/** A stored connection plus what its token says about itself, for display. */
export interface ConnectionInfo extends Connection {
  /** Chosen by the store, stable across renames and new tokens; never derived from the token. */
  readonly id: string;
  /** The name the user gave it, if any. */
  readonly name?: string;
  /** What the view calls it: the name, else the org from the token, else the host. */
  readonly label: string;
  readonly host: string;
  readonly claims: TokenClaims | undefined;
}

/** The list of connection ids and names; each connection's URL, token and App ID is a secret of its own. */
export const connectionsIndexKey = "dfns.connections";
const connectionKeyPrefix = "dfns.connection/";

export function connectionSecretKey(id: string): string {
  return `${connectionKeyPrefix}${id}`;
}

interface IndexEntry {
  readonly id: string;
  readonly name?: string;
}

export interface AddOptions {
  /** Replace this connection's token (signing in again after a 401) rather than adding one. */
  readonly replaceId?: string;
  readonly name?: string;
}

/**
 * Keeps the signed-in connections in SecretStorage: an index secret of ids and names, and one secret
 * per connection holding URL, token and App ID together. Writes are queued, so two sign-ins cannot
 * lose each other's index entry; a stored value that no longer reads as a connection is skipped.
 */
export class ConnectionStore {
  private readonly changed = new Emitter<readonly ConnectionInfo[]>();
  /** Fires once per real change, whether made in this window or another. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: Disposable;
  private current: Promise<readonly ConnectionInfo[]> | undefined;
  /** What the last load found, so a write echoed back by `secrets.onDidChange` does not fire again. */
  private signature = "[]";
  /** Counts reloads, so that a read started before a change cannot overwrite what came after. */
  private version = 0;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly secrets: SecretStorageLike) {
    // Secrets are shared by every window: a sign-in or sign-out elsewhere lands here too.
    this.subscription = secrets.onDidChange((event) => {
      if (event.key === connectionsIndexKey || event.key.startsWith(connectionKeyPrefix)) {
        void this.reload();
      }
    });
  }

  list(): Promise<readonly ConnectionInfo[]> {
    if (!this.current) void this.reload();
    return this.current as Promise<readonly ConnectionInfo[]>;
  }

  async find(id: string): Promise<ConnectionInfo | undefined> {
    return (await this.list()).find((connection) => connection.id === id);
  }

  /**
   * Stores a connection and returns it as read back. Signing in again as the same identity (same
   * URL and the same org and user in the token, or the very same token) replaces the old token
   * rather than adding a twin.
   */
  add(connection: Connection, options: AddOptions = {}): Promise<ConnectionInfo> {
    const check = checkBaseUrl(connection.baseUrl);
    if (!check.ok) return Promise.reject(new Error(check.message));
    const value: Connection = {
      baseUrl: check.url,
      token: connection.token,
      ...(connection.appId ? { appId: connection.appId } : {}),
    };
    return this.write(async (index, existing) => {
      const twin =
        existing.find((other) => other.id === options.replaceId) ??
        existing.find((other) => sameIdentity(other, value));
      const id = twin?.id ?? newId(index);
      const name = options.name?.trim() || twin?.name;
      // The secret first, then the index: a reader in between sees the old list, never a dangling id.
      await this.secrets.store(connectionSecretKey(id), JSON.stringify(value));
      if (!twin || name !== twin.name) {
        const entry: IndexEntry = name ? { id, name } : { id };
        const others = index.filter((other) => other.id !== id);
        const position = index.findIndex((other) => other.id === id);
        await this.storeIndex(
          position < 0 ? [...others, entry] : index.map((other) => (other.id === id ? entry : other)),
        );
      }
      return id;
    }).then(async (id) => {
      const stored = await this.find(id);
      if (!stored) throw new Error(l10n.t("The connection could not be read back from secret storage."));
      return stored;
    });
  }

  async rename(id: string, name: string | undefined): Promise<void> {
    await this.write(async (index) => {
      const trimmed = name?.trim();
      await this.storeIndex(
        index.map((entry) => (entry.id === id ? (trimmed ? { id, name: trimmed } : { id }) : entry)),
      );
    });
  }

  async remove(id: string): Promise<void> {
    await this.write(async (index) => {
      // The index first: once the id is gone from it, the secret is unreachable even if deleting fails.
      await this.storeIndex(index.filter((entry) => entry.id !== id));
      await this.secrets.delete(connectionSecretKey(id));
    });
  }

  /** Forgets every connection. */
  async clear(): Promise<void> {
    await this.write(async (index) => {
      await this.secrets.delete(connectionsIndexKey);
      for (const entry of index) await this.secrets.delete(connectionSecretKey(entry.id));
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** Runs one change at a time against a fresh read of the index, then reloads (and fires). */
  private write<T>(
    change: (index: IndexEntry[], existing: readonly ConnectionInfo[]) => Promise<T>,
  ): Promise<T> {
    const run = this.writes.then(async () => {
      const index = await this.readIndex();
      const result = await change(index, await this.readAll(index));
      await this.reload();
      return result;
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  private reload(): Promise<readonly ConnectionInfo[]> {
    const version = ++this.version;
    const loaded = this.readIndex().then(async (index) => {
      const connections = await this.readAll(index);
      // A change that landed while this read was under way is newer: its read wins.
      if (version !== this.version) return this.current as Promise<readonly ConnectionInfo[]>;
      const signature = JSON.stringify(connections);
      if (signature !== this.signature) {
        this.signature = signature;
        this.changed.fire(connections);
      }
      return connections;
    });
    this.current = loaded;
    return loaded;
  }

  private async readIndex(): Promise<IndexEntry[]> {
    const raw = await this.secrets.get(connectionsIndexKey);
    if (raw === undefined) return [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return [];
    }
    if (!Array.isArray(value)) return [];
    const seen = new Set<string>();
    const entries: IndexEntry[] = [];
    for (const item of value) {
      if (typeof item !== "object" || item === null) continue;
      const { id, name } = item as Record<string, unknown>;
      if (typeof id !== "string" || id === "" || seen.has(id)) continue;
      seen.add(id);
      entries.push(typeof name === "string" && name.trim() ? { id, name: name.trim() } : { id });
    }
    return entries;
  }

  private async readAll(index: readonly IndexEntry[]): Promise<ConnectionInfo[]> {
    const raws = await Promise.all(index.map((entry) => this.secrets.get(connectionSecretKey(entry.id))));
    const connections: ConnectionInfo[] = [];
    index.forEach((entry, position) => {
      const raw = raws[position];
      const connection = raw === undefined ? undefined : readConnection(raw);
      if (connection) connections.push(describeConnection(connection, entry.id, entry.name));
    });
    return connections;
  }

  private async storeIndex(index: readonly IndexEntry[]): Promise<void> {
    await this.secrets.store(connectionsIndexKey, JSON.stringify(index));
  }
}

export function describeConnection(connection: Connection, id: string, name?: string): ConnectionInfo {
  const host = new URL(connection.baseUrl).host;
  const claims = decodeTokenClaims(connection.token);
  return {
    ...connection,
    id,
    ...(name ? { name } : {}),
    label: name || claims?.orgId || host,
    host,
    claims,
  };
}

/** Same URL and either the same token or the same org and user in it: a new token for the same login. */
function sameIdentity(stored: ConnectionInfo, connection: Connection): boolean {
  if (stored.baseUrl !== connection.baseUrl) return false;
  if (stored.token === connection.token) return true;
  const claims = decodeTokenClaims(connection.token);
  return (
    claims?.orgId !== undefined &&
    claims.orgId === stored.claims?.orgId &&
    claims.userId === stored.claims?.userId
  );
}

function newId(index: readonly IndexEntry[]): string {
  for (;;) {
    const id = globalThis.crypto.randomUUID().slice(0, 8);
    if (!index.some((entry) => entry.id === id)) return id;
  }
}

function readConnection(raw: string): Connection | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { baseUrl, token, appId } = value as Record<string, unknown>;
  if (typeof baseUrl !== "string" || typeof token !== "string" || token === "") return undefined;
  const check = checkBaseUrl(baseUrl);
  if (!check.ok) return undefined;
  return { baseUrl: check.url, token, ...(typeof appId === "string" && appId ? { appId } : {}) };
}
