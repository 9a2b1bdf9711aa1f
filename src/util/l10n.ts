/**
 * Every user-facing string goes through `l10n.t`, as VS Code's own extensions do with
 * `vscode.l10n.t`. The extension hands `vscode.l10n.t` in at activation; the pure modules stay free
 * of the `vscode` import (their unit tests run in plain Node) and then only fill in `{0}`, `{1}`….
 */
type Argument = string | number | boolean;
type Translate = (message: string, ...args: Argument[]) => string;

// Rows of a 10,000-token refresh call this tens of thousands of times: a plain scan, no RegExp.
function format(message: string, ...args: Argument[]): string {
  if (args.length === 0) return message;
  let out = "";
  let from = 0;
  for (let open = message.indexOf("{"); open !== -1; open = message.indexOf("{", open + 1)) {
    const close = message.indexOf("}", open);
    if (close === -1) break;
    const index = message.slice(open + 1, close);
    const value = /^\d+$/.test(index) ? args[Number(index)] : undefined;
    if (value === undefined) continue;
    out += message.slice(from, open) + String(value);
    from = close + 1;
    open = close;
  }
  return out + message.slice(from);
}

let translate: Translate = format;

export const l10n = {
  t(message: string, ...args: Argument[]): string {
    return translate(message, ...args);
  },
  /** Called once by activate() with `vscode.l10n.t`. */
  use(translator: Translate): void {
    translate = translator;
  },
};
