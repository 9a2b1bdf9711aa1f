import * as vscode from "vscode";
import { type AutoRefreshSettings, clampIntervalSeconds } from "./pats/autoRefresh";
import { type HygieneRules, hygieneRules } from "./pats/hygiene";

export interface ClientSettings {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** Read at each request, so a change applies to the next refresh. No setting says where the token goes. */
export function clientSettings(): ClientSettings {
  const config = vscode.workspace.getConfiguration("dfns");
  return {
    timeoutMs: clamp(config.get("requestTimeoutSeconds"), 1, 600, 30) * 1000,
    maxResponseBytes: clamp(config.get("maxResponseMegabytes"), 1, 1024, 100) * 1024 * 1024,
  };
}

/** What the view's rows depend on besides the lists: read again whenever a dfns.* setting changes. */
export interface TreeSettings {
  /** Long operation lists under namespace rows; anything but `false` means yes. */
  readonly grouping: boolean;
  readonly rules: HygieneRules;
  readonly expiryWarningDays: number;
}

export function treeSettings(): TreeSettings {
  return {
    grouping: vscode.workspace.getConfiguration("dfns").get<boolean>("groupOperationsByNamespace") !== false,
    rules: hygieneSettings(),
    expiryWarningDays: expiryWarningDays(),
  };
}

/** The token hygiene checks, read from dfns.hygiene.*; a bad value falls back to its default. */
export function hygieneSettings(): HygieneRules {
  const config = vscode.workspace.getConfiguration("dfns.hygiene");
  return hygieneRules({
    maxAgeDays: config.get("maxAgeDays"),
    maxOperations: config.get("maxOperations"),
    sensitiveOperations: config.get("sensitiveOperations"),
  });
}

/** Days before the signed-in token's own expiry from which the view warns. */
export function expiryWarningDays(): number {
  return clamp(vscode.workspace.getConfiguration("dfns").get("tokenExpiryWarningDays"), 0, 365, 7);
}

export function autoRefreshSettings(): AutoRefreshSettings {
  const config = vscode.workspace.getConfiguration("dfns.autoRefresh");
  return {
    enabled: config.get("enabled") === true,
    intervalSeconds: clampIntervalSeconds(config.get("intervalSeconds")),
  };
}
