import * as vscode from "vscode";
import { completionSpotAt, type IdCompletion, idCompletions, isEnvFile } from "./completionContext";
import type { IdIndex } from "./idIndex";
import { idKindLabel } from "./idIndex";
import type { LiveIdIndex } from "./liveIndex";

/** The characters that open the list: the last of each trigger (`-` for `to-` and `pm-`). */
export function triggerCharacters(triggers: readonly string[]): string[] {
  return [...new Set(triggers.filter((trigger) => trigger !== "").map((trigger) => trigger.slice(-1)))];
}

/**
 * Offers the listed ids where an id is being typed (a string literal, or `KEY=` in a .env file)
 * after a trigger. Opt-in: registered only while `dfns.completion.enabled` is on.
 */
export class DfnsIdCompletionProvider implements vscode.CompletionItemProvider {
  private cached: { index: IdIndex; trigger: string; items: IdCompletion[] } | undefined;

  constructor(
    private readonly ids: LiveIdIndex,
    private readonly triggers: readonly string[],
  ) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const line = document.lineAt(position.line).text;
    const spot = completionSpotAt(line, position.character, {
      envFile: isEnvFile(document.fileName, document.languageId),
      triggers: this.triggers,
    });
    if (!spot) return [];
    const range = new vscode.Range(position.line, spot.start, position.line, position.character);
    return this.completions(spot.trigger).map((completion, order) => {
      const item = new vscode.CompletionItem(
        { label: completion.id, description: idKindLabel(completion.kind) },
        vscode.CompletionItemKind.Value,
      );
      item.detail = completion.detail;
      item.insertText = completion.id;
      item.filterText = completion.filterText;
      item.range = range;
      item.sortText = order.toString().padStart(6, "0"); // the view's order, not alphabetical ids
      return item;
    });
  }

  /** Recomputed only when the list or the trigger changes, not on every keystroke. */
  private completions(trigger: string): IdCompletion[] {
    const index = this.ids.index;
    if (this.cached?.index !== index || this.cached.trigger !== trigger) {
      this.cached = { index, trigger, items: idCompletions(index, trigger) };
    }
    return this.cached.items;
  }
}
