import * as vscode from "vscode";
import { copyToClipboard } from "../commands/copy";
import type { Services } from "../services";
import { l10n } from "../util/l10n";
import { DfnsIdCompletionProvider, triggerCharacters } from "./completionProvider";
import { DfnsIdHoverProvider } from "./hoverProvider";
import { hoverCommands } from "./hoverText";
import { insertId } from "./insertId";
import { LiveIdIndex } from "./liveIndex";

/** Every file, every scheme: ids are pasted into code, .env, JSON, YAML, diffs and logs alike. */
const anyDocument: vscode.DocumentSelector = "*";

/**
 * Keeps a provider registered only while its setting wants it, re-registering when the settings
 * it is built from change: a provider that is off costs nothing, not even a call per hover.
 */
function registeredWhile(
  settings: readonly string[],
  register: (config: vscode.WorkspaceConfiguration) => vscode.Disposable | undefined,
): vscode.Disposable {
  let current: vscode.Disposable | undefined;
  const apply = () => {
    current?.dispose();
    current = register(vscode.workspace.getConfiguration("dfns"));
  };
  apply();
  const listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (settings.some((setting) => event.affectsConfiguration(setting))) apply();
  });
  return {
    dispose: () => {
      listener.dispose();
      current?.dispose();
    },
  };
}

function stringList(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : fallback;
}

/** Hover, completion and Insert ID: the features that meet people in the editor, not the sidebar. */
export function registerEditorFeatures(services: Services): vscode.Disposable[] {
  const ids = new LiveIdIndex(services.lists);
  return [
    ids,
    registeredWhile(["dfns.hover.enabled"], (config) =>
      config.get("hover.enabled", true)
        ? vscode.languages.registerHoverProvider(anyDocument, new DfnsIdHoverProvider(ids))
        : undefined,
    ),
    registeredWhile(["dfns.completion.enabled", "dfns.completion.triggers"], (config) => {
      if (!config.get("completion.enabled", false)) return undefined;
      const triggers = stringList(config.get("completion.triggers"), ["to-", "pm-"]);
      return vscode.languages.registerCompletionItemProvider(
        anyDocument,
        new DfnsIdCompletionProvider(ids, triggers),
        ...triggerCharacters(triggers),
      );
    }),
    vscode.commands.registerCommand("dfns.insertId", () => insertId(services)),
    // The hover's links. Not contributed in package.json, so the palette never lists them: they need an argument.
    vscode.commands.registerCommand(
      hoverCommands.reveal,
      async (tokenId?: unknown, connectionId?: unknown) => {
        if (typeof tokenId !== "string") return;
        const where = typeof connectionId === "string" ? connectionId : undefined;
        if (!(await services.treeView.reveal(tokenId, where))) {
          void vscode.window.showWarningMessage(
            l10n.t("{0} is no longer in the list; refresh the view.", tokenId),
          );
        }
      },
    ),
    vscode.commands.registerCommand(hoverCommands.copy, async (text?: unknown, what?: unknown) => {
      if (typeof text === "string" && text !== "") {
        await copyToClipboard(text, typeof what === "string" ? what : l10n.t("ID"));
      }
    }),
  ];
}
