import type { Logger } from "./logger";

/** What a secret becomes in the log; tests look for it to prove the lock never had to act. */
export const redactionMark = "‹redacted›";

/**
 * Wraps a logger so that the secrets it is told about never reach it, whatever a message holds.
 * The code is written never to log a token; this is the second lock on the same door.
 */
export function redactingLogger(inner: Logger, secrets: () => readonly string[]): Logger {
  const redact = (message: string): string => {
    let text = message;
    for (const secret of secrets()) {
      if (secret.length >= 8) text = text.split(secret).join(redactionMark);
    }
    return text;
  };
  return {
    debug: (message) => inner.debug(redact(message)),
    info: (message) => inner.info(redact(message)),
    warn: (message) => inner.warn(redact(message)),
    error: (message) => inner.error(redact(message)),
  };
}
