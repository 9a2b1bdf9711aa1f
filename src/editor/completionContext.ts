import { l10n } from "../util/l10n";
import { type IdEntry, type IdIndex, type IdKind, idKindLabel, maxIdLength } from "./idIndex";

/** Where a completion would go: the trigger typed so far starts at `start` on the line. */
export interface CompletionSpot {
  readonly start: number;
  readonly trigger: string;
}

export interface SpotOptions {
  readonly envFile: boolean;
  readonly triggers: readonly string[];
}

/** `.env`, `.env.local`, `production.env`: where `KEY=to-` is how ids are written. */
export function isEnvFile(fileName: string, languageId: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  return languageId === "dotenv" || /^\.env(\..+)?$/.test(base) || /\.env$/.test(base);
}

/**
 * A trigger that starts Dfns ids (`to-`, `pm-`, `as-`: two letters and a dash) filters the ids that
 * begin with it; any other (`dfns:`) offers every listed id and is replaced by the one picked.
 */
export function isIdPrefix(trigger: string): boolean {
  return /^[a-z]{2}-/.test(trigger);
}

const typedRest = /^[A-Za-z0-9_+/=-]*$/;
const wordChar = /[A-Za-z0-9_-]/;
/** Beyond this the line is data, not code someone is typing an id into. */
const maxPrefixScan = 10_000;

/** Whether `prefix` (a line up to the cursor) ends inside a '...', "..." or `...` literal. */
export function insideString(prefix: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < prefix.length; i++) {
    const char = prefix.charAt(i);
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === "`") {
      quote = char;
    }
  }
  return quote !== undefined;
}

const envAssignment = /^\s*(export\s+)?[A-Za-z_][\w.-]*\s*=\s*["']?$/;

/**
 * The trigger just typed before `character`, if it sits where an id is written: inside a string
 * literal, or right after `KEY=` in a .env file. Looks at the current line only.
 */
export function completionSpotAt(
  line: string,
  character: number,
  options: SpotOptions,
): CompletionSpot | undefined {
  if (character > maxPrefixScan) return undefined;
  let best: CompletionSpot | undefined;
  for (const trigger of options.triggers) {
    if (trigger === "") continue;
    const from = Math.max(0, character - maxIdLength - trigger.length);
    const at = line.slice(from, character).lastIndexOf(trigger);
    if (at < 0) continue;
    const start = from + at;
    if (!typedRest.test(line.slice(start + trigger.length, character))) continue;
    // `"auto-` must not count as `to-`: a trigger that starts like a word needs a word boundary.
    if (wordChar.test(trigger.charAt(0)) && start > 0 && wordChar.test(line.charAt(start - 1))) continue;
    if (!best || start < best.start) best = { start, trigger };
  }
  if (!best) return undefined;
  const prefix = line.slice(0, best.start);
  const placed = (options.envFile && envAssignment.test(prefix)) || insideString(prefix);
  return placed ? best : undefined;
}

/** One completion: the id, what it is, and whose it is. */
export interface IdCompletion {
  readonly id: string;
  readonly kind: IdKind;
  /** The PAT's name; for shared ids, the permission or the tokens sharing it. */
  readonly detail: string;
  readonly filterText: string;
}

function ownerNames(entries: readonly IdEntry[]): string {
  const names = entries.map(({ pat }) => pat.name || pat.tokenId);
  return names.length > 3
    ? l10n.t("{0} and {1} more", names.slice(0, 3).join(", "), names.length - 3)
    : names.join(", ");
}

function detail(entries: readonly IdEntry[]): string {
  const first = entries[0] as IdEntry;
  const owners = ownerNames(entries);
  switch (first.kind) {
    case "permission":
    case "assignment":
      return `${first.assignment?.permissionName ?? ""} · ${owners}`;
    case "org":
    case "user":
      return l10n.t("{0} of {1}", idKindLabel(first.kind), owners);
    default:
      return owners;
  }
}

/** The listed ids a trigger offers, in the view's order. */
export function idCompletions(index: IdIndex, trigger: string): IdCompletion[] {
  const prefixed = isIdPrefix(trigger);
  const items: IdCompletion[] = [];
  for (const [id, entries] of index.all()) {
    if (prefixed && !id.startsWith(trigger)) continue;
    const first = entries[0];
    if (!first) continue;
    // When the trigger is replaced, VS Code must still match what was typed against something.
    items.push({
      id,
      kind: first.kind,
      detail: detail(entries),
      filterText: prefixed ? id : `${trigger}${id}`,
    });
  }
  return items;
}
