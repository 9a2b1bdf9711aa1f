/** The Dfns environments offered at sign-in, besides a custom URL. */
export interface DfnsEnvironment {
  readonly label: string;
  readonly baseUrl: string;
  readonly detail: string;
}

export const dfnsEnvironments: readonly DfnsEnvironment[] = [
  { label: "Europe", baseUrl: "https://api.dfns.io", detail: "The default Dfns environment" },
  { label: "UAE", baseUrl: "https://api.uae.dfns.io", detail: "Dfns in the United Arab Emirates" },
  {
    label: "Staging (deprecated)",
    baseUrl: "https://api.dfns.ninja",
    detail: "Dfns' former staging environment",
  },
];
