/**
 * Every user-facing string goes through `l10n.t`, as VS Code's own extensions do with
 * `vscode.l10n.t`. The extension hands `vscode.l10n.t` in at activation; the pure modules stay free
 * of the `vscode` import (their unit tests run in plain Node) and then only fill in `{0}`, `{1}`….
 */
type Argument = string | number | boolean;
type Translate = (message: string, ...args: Argument[]) => string;

function format(message: string, ...args: Argument[]): string {
  return message.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
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
