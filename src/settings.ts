import * as vscode from "vscode";

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

export const groupingSetting = "dfns.groupOperationsByNamespace";

/** Whether long operation lists show under namespace rows; anything but `false` means yes. */
export function groupOperationsByNamespace(): boolean {
  return vscode.workspace.getConfiguration("dfns").get<boolean>("groupOperationsByNamespace") !== false;
}
