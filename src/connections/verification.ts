import type { DfnsError } from "../dfns/errors";
import { l10n } from "../util/l10n";
import { sentence } from "../util/sentence";

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
      return { action: "refuse", message: l10n.t("{0} Nothing was saved.", sentence(error.message)) };
    case "redirect":
      return {
        action: "refuse",
        message: l10n.t("{0} Check the base URL. Nothing was saved.", sentence(error.message)),
      };
    case "cancelled":
      return { action: "refuse", message: l10n.t("Sign-in cancelled. Nothing was saved.") };
    case "forbidden":
      return {
        action: "ask",
        // error.message already starts "Not allowed to list tokens": say it once.
        message: error.apiMessage
          ? l10n.t("The token works but may not list tokens: {0} Keep it anyway?", sentence(error.apiMessage))
          : l10n.t("The token works but may not list tokens (403). Keep it anyway?"),
      };
    default:
      return {
        action: "ask",
        message: l10n.t("The token could not be checked: {0} Keep it anyway?", sentence(error.message)),
      };
  }
}
