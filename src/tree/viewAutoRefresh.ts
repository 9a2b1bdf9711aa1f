import * as vscode from "vscode";
import { AutoRefresh } from "../pats/autoRefresh";
import type { PatLists } from "../pats/patLists";
import { autoRefreshSettings } from "../settings";

/**
 * Polls the lists on the dfns.autoRefresh.* settings, only while the view is visible and the window
 * focused: nobody is looking otherwise, and each poll spends rate limit. Failures back off.
 */
export function bindAutoRefresh(lists: PatLists, view: vscode.TreeView<unknown>): vscode.Disposable {
  const poller = new AutoRefresh(async () => {
    if (!lists.signedIn) return true;
    const states = await lists.refreshAll();
    return states.every((state) => state.error === undefined);
  });
  const follow = () => poller.setActive(view.visible && vscode.window.state.focused);
  poller.configure(autoRefreshSettings());
  follow();
  const subscriptions = [
    view.onDidChangeVisibility(follow),
    vscode.window.onDidChangeWindowState(follow),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("dfns.autoRefresh")) poller.configure(autoRefreshSettings());
    }),
  ];
  return {
    dispose: () => {
      for (const subscription of subscriptions) subscription.dispose();
      poller.dispose();
    },
  };
}
