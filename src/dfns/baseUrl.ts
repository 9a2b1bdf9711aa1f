import { l10n } from "../util/l10n";

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/** Loopback hosts, the only ones a token may reach over plain http (the simulator, a local proxy). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Checks a Dfns base URL before any token is sent to it, and normalises it (no trailing slash).
 * A path prefix is allowed (a gateway); a query, a fragment, credentials or plain http (loopback
 * aside) are refused, each with a message that says what to change.
 */
export function checkBaseUrl(input: string): BaseUrlCheck {
  const text = input.trim();
  if (text === "") {
    return { ok: false, message: l10n.t("Enter the base URL of the Dfns API, such as https://api.dfns.io") };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: l10n.t("This is not a URL. Enter one such as https://api.dfns.io") };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, message: l10n.t("The URL must start with https:// (not {0}//)", url.protocol) };
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      message: l10n.t("Use https://: your token would cross the network unencrypted over http://"),
    };
  }
  if (url.username !== "" || url.password !== "") {
    return {
      ok: false,
      message: l10n.t("Remove the user name and password from the URL: the token is the only credential"),
    };
  }
  if (text.includes("?") || text.includes("#")) {
    return { ok: false, message: l10n.t("Remove the query (?…) or fragment (#…): a base URL has neither") };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}
