import { checkBaseUrl } from "../dfns/baseUrl";
import { decodeTokenClaims, type TokenClaims } from "../dfns/jwt";
import { type Disposable, Emitter } from "../util/emitter";

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

/** A connection plus what its token says about itself, for display. */
export interface ConnectionInfo extends Connection {
  readonly host: string;
  readonly claims: TokenClaims | undefined;
}

export const connectionSecretKey = "dfns.connection";

/**
 * Keeps the one connection in SecretStorage as a single JSON secret, so URL, token and App ID change
 * together. A stored value that no longer reads as a connection is treated as signed out.
 */
export class ConnectionStore {
  private readonly changed = new Emitter<ConnectionInfo | undefined>();
  /** Fires once per real change, whether made in this window or another. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: Disposable;
  private current: Promise<ConnectionInfo | undefined> | undefined;
  /** The secret as last seen, so a write echoed back by `secrets.onDidChange` does not fire twice. */
  private raw: string | undefined;
  /** Counts changes, so that a read started before one cannot overwrite it. */
  private version = 0;

  constructor(private readonly secrets: SecretStorageLike) {
    // Secrets are shared by every window: a sign-in or sign-out elsewhere lands here too.
    this.subscription = secrets.onDidChange(async (event) => {
      if (event.key === connectionSecretKey) {
        this.update(await secrets.get(connectionSecretKey));
      }
    });
  }

  get(): Promise<ConnectionInfo | undefined> {
    if (!this.current) {
      const version = this.version;
      this.current = Promise.resolve(this.secrets.get(connectionSecretKey)).then((raw) => {
        // A sign-in or sign-out that landed while this read was under way is newer: it wins.
        if (version !== this.version && this.current) return this.current;
        this.raw = raw;
        return raw === undefined ? undefined : readConnection(raw);
      });
    }
    return this.current;
  }

  async set(connection: Connection): Promise<void> {
    const check = checkBaseUrl(connection.baseUrl);
    if (!check.ok) throw new Error(check.message);
    const value: Connection = {
      baseUrl: check.url,
      token: connection.token,
      ...(connection.appId ? { appId: connection.appId } : {}),
    };
    const raw = JSON.stringify(value);
    await this.secrets.store(connectionSecretKey, raw);
    this.update(raw);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(connectionSecretKey);
    this.update(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private update(raw: string | undefined): void {
    if (this.current !== undefined && raw === this.raw) return;
    this.raw = raw;
    this.version++;
    const info = raw === undefined ? undefined : readConnection(raw);
    this.current = Promise.resolve(info);
    this.changed.fire(info);
  }
}

export function describeConnection(connection: Connection): ConnectionInfo {
  return {
    ...connection,
    host: new URL(connection.baseUrl).host,
    claims: decodeTokenClaims(connection.token),
  };
}

function readConnection(raw: string): ConnectionInfo | undefined {
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
  return describeConnection({
    baseUrl: check.url,
    token,
    ...(typeof appId === "string" && appId ? { appId } : {}),
  });
}
