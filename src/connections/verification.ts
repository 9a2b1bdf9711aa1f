import type { DfnsError } from "../dfns/errors";

/** What sign-in does after its one check of the token. */
export type VerificationOutcome =
  | { readonly action: "save" }
  | { readonly action: "refuse"; readonly message: string }
  | { readonly action: "ask"; readonly message: string };

/**
 * A rejected token is never kept; a redirect is refused (the URL is wrong, and following it would
 * send the token elsewhere). Anything that says nothing about the token (network down, rate limit,
 * a server error, a missing permission) leaves the choice to the user.
 */
export function verificationOutcome(error: DfnsError | undefined): VerificationOutcome {
  if (!error) return { action: "save" };
  switch (error.kind) {
    case "unauthorized":
      return { action: "refuse", message: `${error.message}. Nothing was saved.` };
    case "redirect":
      return { action: "refuse", message: `${error.message}. Check the base URL. Nothing was saved.` };
    case "cancelled":
      return { action: "refuse", message: "Sign-in cancelled. Nothing was saved." };
    case "forbidden":
      return {
        action: "ask",
        message: `The token works but may not list tokens: ${error.message}. Keep it anyway?`,
      };
    default:
      return { action: "ask", message: `The token could not be checked: ${error.message}. Keep it anyway?` };
  }
}
