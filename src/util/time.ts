const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

// Created on first use: loading its locale data at activation costs about 20 ms.
let relative: Intl.RelativeTimeFormat | undefined;
let displayLocale = "en";
// A refresh formats a date per row and per List PATs item, but a list holds a few hundred distinct
// "N units ago" at most: each is formatted once. Keyed by unit and count; emptied with the locale.
const formatted = new Map<string, string>();
const maxFormatted = 10_000;

/** "3 days ago" in VS Code's display language (activate() passes vscode.env.language). */
export function useDisplayLocale(locale: string): void {
  let valid = "en";
  try {
    valid = Intl.getCanonicalLocales(locale)[0] ?? "en";
  } catch {
    // Not a BCP 47 tag: keep English rather than fail every row.
  }
  if (valid === displayLocale) return;
  displayLocale = valid;
  relative = undefined;
  formatted.clear();
}

/** "3 days ago", "in 2 hours"; `undefined` for an unparseable date. */
export function relativeTime(date: Date, now: number): string | undefined {
  const ms = date.getTime();
  if (Number.isNaN(ms)) {
    return undefined;
  }
  const seconds = Math.round((ms - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === "second") {
      const count = Math.trunc(seconds / size);
      const key = `${count} ${unit}`;
      let text = formatted.get(key);
      if (text === undefined) {
        relative ??= new Intl.RelativeTimeFormat([displayLocale, "en"], { numeric: "auto" });
        text = relative.format(count, unit);
        if (formatted.size >= maxFormatted) formatted.clear();
        formatted.set(key, text);
      }
      return text;
    }
  }
  return undefined;
}

/** A date as UTC, to the second, in a form that reads the same everywhere: 2026-01-02 13:04:05 UTC. */
export function absoluteTime(date: Date): string | undefined {
  return Number.isNaN(date.getTime())
    ? undefined
    : `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
