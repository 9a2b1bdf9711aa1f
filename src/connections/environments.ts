import { l10n } from "../util/l10n";

/** The Dfns environments offered at sign-in, besides a custom URL. */
export interface DfnsEnvironment {
  readonly label: string;
  readonly baseUrl: string;
  readonly detail: string;
}

/** A function, not a constant: the labels are translated when asked for, after activation. */
export function dfnsEnvironments(): readonly DfnsEnvironment[] {
  return [
    {
      label: l10n.t("Europe"),
      baseUrl: "https://api.dfns.io",
      detail: l10n.t("The default Dfns environment"),
    },
    {
      label: l10n.t("UAE"),
      baseUrl: "https://api.uae.dfns.io",
      detail: l10n.t("Dfns in the United Arab Emirates"),
    },
    {
      label: l10n.t("Staging (deprecated)"),
      baseUrl: "https://api.dfns.ninja",
      detail: l10n.t("Dfns' former staging environment"),
    },
  ];
}
