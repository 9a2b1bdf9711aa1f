import * as vscode from "vscode";
import { flagsOf } from "../pats/hygiene";
import { looksLikeFormula } from "../report/csv";
import { csvReport, markdownReport } from "../report/markdownReport";
import { type FlagsOf, type ReportSection, reportRows, rowCells } from "../report/reportTable";
import type { Services } from "../services";
import { hygieneSettings } from "../settings";
import { l10n } from "../util/l10n";
import { ensureSignedIn } from "./loadedLists";

/** What scripts and tests may pass to Export PATs as CSV… instead of answering the save dialog. */
export interface ExportArgs {
  readonly target?: vscode.Uri | string;
}

/** Every connection's list (fetched if never fetched), failures included: the report names them. */
async function reportSections(services: Services): Promise<ReportSection[] | undefined> {
  if (!(await ensureSignedIn(services))) return undefined;
  const states = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: l10n.t("Listing Dfns tokens…") },
    () => services.lists.ensureAllLoaded(),
  );
  return states.flatMap((state) => {
    if (!state.connection) return [];
    return [
      {
        connection: state.connection.label,
        host: state.connection.host,
        ...(state.snapshot ? { fetchedAt: state.snapshot.fetchedAt } : {}),
        ...(state.error ? { error: state.error.message } : {}),
        pats: state.snapshot?.list.pats ?? [],
        invalidCount: state.snapshot?.list.invalid.length ?? 0,
      },
    ];
  });
}

/** The flags' short labels under the rules in force, as the tree shows them. */
function flagLabels(now: number): FlagsOf {
  const rules = hygieneSettings();
  return (pat) => flagsOf(pat, rules, now).map((flag) => flag.label);
}

/** "Dfns: PAT Report": a Markdown document, untitled (so it can be saved) and previewable. */
export async function patReport(services: Services): Promise<vscode.TextDocument | undefined> {
  const sections = await reportSections(services);
  if (!sections) return undefined;
  const now = Date.now();
  const document = await vscode.workspace.openTextDocument({
    language: "markdown",
    content: markdownReport(sections, flagLabels(now), now),
  });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

function defaultCsvUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `dfns-pats-${new Date().toISOString().slice(0, 10)}.csv`;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}

function targetUri(given: ExportArgs["target"]): vscode.Uri | undefined {
  if (given instanceof vscode.Uri) return given;
  return typeof given === "string" && given !== "" ? vscode.Uri.parse(given) : undefined;
}

/**
 * "Export PATs as CSV…": the report's table, written where the user chooses. Values stay exactly as
 * the API sent them; cells a spreadsheet would run as formulas are pointed out, not altered.
 */
export async function exportCsv(services: Services, args?: ExportArgs): Promise<vscode.Uri | undefined> {
  const sections = await reportSections(services);
  if (!sections) return undefined;
  const defaultUri = defaultCsvUri();
  const target =
    targetUri(args?.target) ??
    (await vscode.window.showSaveDialog({
      title: l10n.t("Export PATs as CSV"),
      saveLabel: l10n.t("Export"),
      filters: { CSV: ["csv"] },
      ...(defaultUri ? { defaultUri } : {}),
    }));
  if (!target) return undefined;
  const now = Date.now();
  const flags = flagLabels(now);
  const csv = csvReport(sections, flags, now);
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(l10n.t("Could not write {0}: {1}", target.fsPath, reason));
    return undefined;
  }
  const risky = reportRows(sections, flags, now).flatMap(rowCells).filter(looksLikeFormula).length;
  const open = l10n.t("Open");
  const message =
    risky > 0
      ? l10n.t(
          "Exported to {0}. {1} cells begin with =, +, - or @: spreadsheet apps may run them as formulas, so import the file with text columns.",
          target.fsPath,
          risky,
        )
      : l10n.t("Exported to {0}.", target.fsPath);
  void (risky > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage)(
    message,
    open,
  ).then((choice) => {
    if (choice === open) void vscode.window.showTextDocument(target);
  });
  return target;
}
