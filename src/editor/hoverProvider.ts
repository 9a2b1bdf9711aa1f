import * as vscode from "vscode";
import { hoverCommands, knownIdHover, unknownIdHover } from "./hoverText";
import { dfnsIdShape, idCandidatesAt } from "./idIndex";
import type { LiveIdIndex } from "./liveIndex";

function markdown(value: string): vscode.MarkdownString {
  const text = new vscode.MarkdownString(value);
  // Trusted for our two commands only: an escaped name cannot add a link, and even a link to any
  // other command would not run.
  text.isTrusted = { enabledCommands: Object.values(hoverCommands) };
  return text;
}

/**
 * Explains a Dfns id under the mouse in any file. It reads only the hovered line, around the
 * position, and the index of the list already fetched: no request, no scan of the document.
 */
export class DfnsIdHoverProvider implements vscode.HoverProvider {
  constructor(private readonly ids: LiveIdIndex) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const line = document.lineAt(position.line).text;
    const candidates = idCandidatesAt(line, position.character);
    const range = (start: number, end: number) => new vscode.Range(position.line, start, position.line, end);
    const now = Date.now();
    for (const candidate of candidates) {
      const entries = this.ids.index.lookup(candidate.text);
      if (entries.length > 0) {
        return new vscode.Hover(
          markdown(knownIdHover(candidate.text, entries, now)),
          range(candidate.start, candidate.end),
        );
      }
    }
    const [word] = candidates;
    const kind = word && dfnsIdShape(word.text);
    if (!word || !kind) return undefined;
    const info = { loaded: this.ids.loaded, host: this.ids.host, fetchedAt: this.ids.fetchedAt };
    return new vscode.Hover(markdown(unknownIdHover(kind, info, now)), range(word.start, word.end));
  }
}
