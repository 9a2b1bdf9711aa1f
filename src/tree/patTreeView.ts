import * as vscode from "vscode";
import { expiryNotice } from "../pats/hygiene";
import type { PatLists } from "../pats/patLists";
import type { TreeSettings } from "../settings";
import { l10n } from "../util/l10n";
import { sentence } from "../util/sentence";
import { absoluteTime } from "../util/time";
import { describeFilter, isFiltering, noFilter, type PatFilter } from "./filter";
import type { TreeNode } from "./nodes";
import { PatTreeProvider } from "./patTreeProvider";

export const patViewId = "dfnsPats";
const revealRetryMs = 400;
/**
 * Ages ("3 days ago", "consider rotating") and the token's own expiry follow the clock: rows are
 * rebuilt this often while the view is shown, and on showing it after a tick passed it by.
 */
const agingIntervalMs = 60 * 60 * 1000;

/** The view around the provider: progress, the failure messages above kept lists, the host. */
export class PatTreeView implements vscode.Disposable {
  readonly provider: PatTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private progressShown = false;
  private agedWhileHidden = false;

  /** `settings` reads the dfns.* settings the rows depend on, again whenever one changes. */
  constructor(
    private readonly lists: PatLists,
    settings: () => TreeSettings,
  ) {
    this.provider = new PatTreeProvider(lists, Date.now, settings());
    this.view = vscode.window.createTreeView(patViewId, {
      treeDataProvider: this.provider,
      showCollapseAll: true,
    });
    this.disposables.push(
      this.provider,
      this.view,
      { dispose: lists.onDidChange(() => this.render()).dispose },
      // Closing the view stops what only it was waiting for; the list it had stays, and showing the
      // view again fetches only if there was none.
      this.view.onDidChangeVisibility(({ visible }) => {
        if (!visible) lists.cancelForClosedView();
        else if (this.agedWhileHidden) this.refreshAges();
      }),
      disposableInterval(() => {
        if (this.view.visible) this.refreshAges();
        else this.agedWhileHidden = true;
      }, agingIntervalMs),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration("dfns")) {
          this.provider.configure(settings());
          this.render();
        }
      }),
    );
    this.render();
  }

  get filter(): PatFilter {
    return this.provider.filter;
  }

  /** Rebuilds the rows and the header with the current time: ages and expiry move on without a fetch. */
  refreshAges(): void {
    this.agedWhileHidden = false;
    this.provider.refreshAges();
    this.render();
  }

  /** Narrows the view to the list already held; `dfns.filtered` switches the title bar's filter icon. */
  setFilter(filter: PatFilter): void {
    this.provider.setFilter(filter);
    void vscode.commands.executeCommand("setContext", "dfns.filtered", isFiltering(filter));
    this.render();
  }

  /** Rows focused or selected in the view: what Ctrl/Cmd+C and copy commands act on without an argument. */
  get selection(): readonly TreeNode[] {
    return this.view.selection;
  }

  /** Shows a token's row, in the given connection's list or the first that has it. */
  async reveal(tokenId: string, connectionId?: string): Promise<boolean> {
    await vscode.commands.executeCommand(`${patViewId}.focus`);
    let node = this.provider.patNode(tokenId, connectionId);
    // Asked for by name: a filter hiding the token gives way rather than the reveal failing.
    if (!node && isFiltering(this.filter)) {
      this.setFilter(noFilter);
      node = this.provider.patNode(tokenId, connectionId);
    }
    if (!node) return false;
    const target = node;
    const reveal = () => this.view.reveal(target, { select: true, focus: true, expand: true });
    try {
      await reveal();
    } catch {
      // A view just opened, or whose rows just changed, may not hold the row yet (VS Code applies
      // tree changes after a short debounce): give it that moment once, then report failure.
      await new Promise((resolve) => setTimeout(resolve, revealRetryMs));
      try {
        await reveal();
      } catch {
        return false;
      }
    }
    return true;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private render(): void {
    const entries = this.lists.entries;
    // A filter belongs to signed-in lists: after signing out, or removing the connection it names,
    // it would only hide what comes next.
    const connectionGone =
      this.filter.connectionId !== undefined && !this.lists.find(this.filter.connectionId);
    if ((entries.length === 0 || connectionGone) && isFiltering(this.filter)) {
      this.setFilter(noFilter);
      return;
    }
    const [only] = entries;
    const where =
      entries.length === 0
        ? undefined
        : only && entries.length === 1
          ? only.connection.host
          : l10n.t("{0} connections", entries.length);
    // With one connection there is no connection row: its token's expiry, once close, shows up here.
    const expiry =
      only && entries.length === 1
        ? expiryNotice(
            only.connection.claims?.expiresAt,
            Date.now(),
            this.provider.treeSettings.expiryWarningDays,
          )
        : undefined;
    const expiring = expiry?.warning ? expiry : undefined;
    this.view.description = where
      ? [
          where,
          expiring && l10n.t("token {0}", expiring.label),
          describeFilter(this.filter, (id) => this.lists.find(id)?.connection.label),
        ]
          .filter(Boolean)
          .join(" · ")
      : undefined;
    const failures = entries.flatMap(({ connection, list }) => {
      const { error, snapshot } = list.state;
      if (!error || !snapshot) return [];
      // Date and time: a list from yesterday must not read as one from today. Not "N minutes ago":
      // the message is not redrawn as time passes.
      const time = absoluteTime(snapshot.fetchedAt) ?? "";
      return entries.length === 1
        ? [l10n.t("Refresh failed: {0} Showing the list fetched at {1}.", sentence(error.message), time)]
        : [
            l10n.t(
              "{0}: refresh failed: {1} Showing the list fetched at {2}.",
              connection.label,
              sentence(error.message),
              time,
            ),
          ];
    });
    const notes = [...(expiring ? [expiring.explanation] : []), ...failures];
    this.view.message = notes.length > 0 ? notes.join(" ") : undefined;
    const loading = entries.filter(({ list }) => list.state.loading);
    if (loading.length > 0 && !this.progressShown) {
      this.progressShown = true;
      void vscode.window.withProgress({ location: { viewId: patViewId } }, () =>
        Promise.all(loading.map(({ list }) => list.refresh())).finally(() => {
          this.progressShown = false;
          // Another list may have started loading meanwhile: show progress for it too.
          this.render();
        }),
      );
    }
  }
}

/** A timer that never keeps a process alive on its own (the benchmark activates in fresh processes). */
function disposableInterval(tick: () => void, ms: number): vscode.Disposable {
  const handle = setInterval(tick, ms);
  handle.unref?.();
  return { dispose: () => clearInterval(handle) };
}
