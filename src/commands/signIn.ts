import * as vscode from "vscode";
import type { Connection, ConnectionInfo } from "../connections/connectionStore";
import { dfnsEnvironments } from "../connections/environments";
import { verificationOutcome } from "../connections/verification";
import { checkBaseUrl } from "../dfns/baseUrl";
import { DfnsError } from "../dfns/errors";
import type { PatList } from "../dfns/types";
import type { Services } from "../services";
import { l10n } from "../util/l10n";
import { relativeTime } from "../util/time";

/** Optional answers, for scripted sign-in (the in-editor tests): each one given skips its prompt. */
export interface SignInArgs {
  readonly baseUrl?: string;
  readonly token?: string;
  readonly appId?: string;
  /** The answer to "the token could not be checked: keep it anyway?". */
  readonly ifUnverified?: "keep" | "discard";
  /** Give this connection a new token (after a 401) instead of adding one; its URL is kept. */
  readonly connectionId?: string;
  /**
   * With connectionId: ask for the environment again rather than keep the URL (it redirected), and
   * keep the token and App ID (they were not the problem, and Dfns shows a PAT's secret only once).
   */
  readonly pickUrl?: boolean;
  /** What to call a new connection; by default the org from the token, else the host. */
  readonly name?: string;
}

async function pickBaseUrl(): Promise<string | undefined> {
  const custom = {
    label: `$(edit) ${l10n.t("Custom URL…")}`,
    description: "",
    detail: l10n.t("A gateway or another Dfns deployment"),
  };
  const items = [
    ...dfnsEnvironments().map((env) => ({ label: env.label, description: env.baseUrl, detail: env.detail })),
    custom,
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: l10n.t("Dfns: Sign In (1/3): Environment"),
    placeHolder: l10n.t("Which Dfns environment is your token for?"),
    ignoreFocusOut: true,
  });
  if (!choice) return undefined;
  if (choice !== custom) return choice.description;
  return vscode.window.showInputBox({
    title: l10n.t("Dfns: Sign In (1/3): Custom URL"),
    prompt: l10n.t("Base URL of the Dfns API. https:// is required, except for localhost."),
    placeHolder: "https://api.dfns.io",
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkBaseUrl(value);
      return check.ok ? undefined : check.message;
    },
  });
}

function askToken(host: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: l10n.t("Dfns: Sign In (2/3): Token for {0}", host),
    prompt: l10n.t(
      "Paste a Dfns personal access token or service-account token. It is kept in VS Code's secret storage.",
    ),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const token = value.trim();
      if (token === "") return l10n.t("Paste the token (it starts with eyJ for most Dfns tokens)");
      return /\s/.test(token)
        ? l10n.t("A token has no spaces or line breaks: check what was pasted")
        : undefined;
    },
  });
}

function askAppId(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: l10n.t("Dfns: Sign In (3/3): Legacy App ID (optional)"),
    prompt: l10n.t(
      "Only for organisations that still use Dfns Applications: sent as {0}. Press Enter to skip.",
      "X-DFNS-APPID",
    ),
    placeHolder: l10n.t("Leave empty if you have no App ID"),
    ignoreFocusOut: true,
  });
}

/** Checks the token with one `GET /auth/pats` before anything is kept. */
async function verify(services: Services, connection: Connection): Promise<PatList | DfnsError> {
  const host = new URL(connection.baseUrl).host;
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: l10n.t("Checking the token with {0}…", host),
      cancellable: true,
    },
    async (_progress, cancellation) => {
      const abort = new AbortController();
      cancellation.onCancellationRequested(() => abort.abort());
      try {
        return await services.sourceFor(connection).listPats(abort.signal);
      } catch (error) {
        return error instanceof DfnsError ? error : new DfnsError("network", { host, reason: String(error) });
      }
    },
  );
}

/** The log line: in English, as the rest of the log. */
function welcomeLog(info: ConnectionInfo, list: PatList | undefined): string {
  const parts = [`Signed in to ${info.label === info.host ? info.host : `${info.label} (${info.host})`}`];
  if (info.claims?.orgId) parts.push(`org ${info.claims.orgId}`);
  if (info.claims?.expiresAt) parts.push(`token expires ${relativeTime(info.claims.expiresAt, Date.now())}`);
  if (list) parts.push(`${list.pats.length} token${list.pats.length === 1 ? "" : "s"} listed`);
  return `${parts.join(", ")}.`;
}

/** The same facts for the notification, in the display language. */
function welcomeText(info: ConnectionInfo, list: PatList | undefined): string {
  const parts = [
    info.label === info.host
      ? l10n.t("Signed in to {0}", info.host)
      : l10n.t("Signed in to {0} ({1})", info.label, info.host),
  ];
  if (info.claims?.orgId) parts.push(l10n.t("org {0}", info.claims.orgId));
  if (info.claims?.expiresAt) {
    parts.push(l10n.t("token expires {0}", String(relativeTime(info.claims.expiresAt, Date.now()))));
  }
  if (list) {
    const count = list.pats.length;
    parts.push(count === 1 ? l10n.t("1 token listed") : l10n.t("{0} tokens listed", count));
  }
  return l10n.t("{0}.", parts.join(", "));
}

/** Adds a connection, or with `connectionId` gives an existing one a new token. */
export async function signIn(services: Services, args: SignInArgs = {}): Promise<boolean> {
  const replacing = args.connectionId ? await services.connections.find(args.connectionId) : undefined;
  const keptUrl = args.pickUrl ? undefined : replacing?.baseUrl;
  const baseUrlInput = args.baseUrl ?? keptUrl ?? (await pickBaseUrl());
  if (baseUrlInput === undefined) return false;
  const check = checkBaseUrl(baseUrlInput);
  if (!check.ok) {
    void vscode.window.showErrorMessage(l10n.t("Cannot sign in: {0}", check.message));
    return false;
  }
  const host = new URL(check.url).host;
  const keptToken = args.pickUrl ? replacing?.token : undefined;
  const token = (args.token ?? keptToken ?? (await askToken(host)))?.trim();
  if (!token) return false;
  let appId: string | undefined;
  if (args.token !== undefined) appId = args.appId;
  else if (keptToken !== undefined) appId = replacing?.appId;
  else {
    appId = await askAppId();
    if (appId === undefined) return false; // dismissed
  }
  const connection: Connection = {
    baseUrl: check.url,
    token,
    ...(appId?.trim() ? { appId: appId.trim() } : {}),
  };

  const result = await verify(services, connection);
  const outcome = verificationOutcome(result instanceof DfnsError ? result : undefined);
  if (outcome.action === "refuse") {
    services.logger.warn(`Sign-in to ${host} refused: ${outcome.message}`);
    const tryAgain = l10n.t("Try Again");
    void vscode.window.showErrorMessage(outcome.message, tryAgain).then((again) => {
      if (again !== tryAgain) return;
      // After a redirect the URL is what to change, so Try Again asks for it.
      const pickUrl = args.pickUrl || (result instanceof DfnsError && result.kind === "redirect");
      void signIn(services, replacing ? { connectionId: replacing.id, ...(pickUrl ? { pickUrl } : {}) } : {});
    });
    return false;
  }
  if (outcome.action === "ask") {
    const keepToken = l10n.t("Keep Token");
    const keep =
      args.ifUnverified ??
      ((await vscode.window.showWarningMessage(outcome.message, { modal: true }, keepToken)) === keepToken
        ? "keep"
        : "discard");
    if (keep !== "keep") return false;
  }
  const list = result instanceof DfnsError ? undefined : result;
  const stored = await services.connections.add(connection, {
    ...(replacing ? { replaceId: replacing.id } : {}),
    ...(args.name ? { name: args.name } : {}),
  });
  // Hand the checked list to the view, so signing in costs one request, not two.
  if (list) services.lists.seed(stored, list);
  services.logger.info(welcomeLog(stored, list));
  void vscode.window.showInformationMessage(welcomeText(stored, list));
  return true;
}
