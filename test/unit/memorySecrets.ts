import type { SecretStorageLike } from "../../src/connections/connectionStore";
import { Emitter } from "../../src/util/emitter";

/** SecretStorage in memory; `external*` act like another window writing the same storage. */
export class MemorySecrets implements SecretStorageLike {
  readonly values = new Map<string, string>();
  private readonly changed = new Emitter<{ key: string }>();
  readonly onDidChange = this.changed.event;

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.changed.fire({ key });
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.changed.fire({ key });
  }
}
