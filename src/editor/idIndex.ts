import type { Pat, PermissionAssignment } from "../dfns/types";
import { sortedPats } from "../tree/model";
import { l10n } from "../util/l10n";

/** The ids a listed PAT carries, as the editor features name them. */
export type IdKind = "token" | "credential" | "permission" | "assignment" | "org" | "user";

/** What an id is, as a sentence names it: "token ID", "linked user ID". */
export function idKindLabel(kind: IdKind): string {
  switch (kind) {
    case "token":
      return l10n.t("token ID");
    case "credential":
      return l10n.t("credential ID");
    case "permission":
      return l10n.t("permission ID");
    case "assignment":
      return l10n.t("assignment ID");
    case "org":
      return l10n.t("org ID");
    case "user":
      return l10n.t("linked user ID");
  }
}

/** What an id is, as a pick row starts: "Token ID", "Linked user ID". */
export function idKindTitle(kind: IdKind): string {
  switch (kind) {
    case "token":
      return l10n.t("Token ID");
    case "credential":
      return l10n.t("Credential ID");
    case "permission":
      return l10n.t("Permission ID");
    case "assignment":
      return l10n.t("Assignment ID");
    case "org":
      return l10n.t("Org ID");
    case "user":
      return l10n.t("Linked user ID");
  }
}

/** One connection's fetched list; a list of these, so several connections fit later. */
export interface IdSource {
  /** Which connection lists these PATs: a reveal must find the token under the right root row. */
  readonly connectionId: string;
  readonly connectionLabel: string;
  readonly host: string;
  readonly pats: readonly Pat[];
}

/** One place an id occurs: which PAT carries it, as what, and on which connection. */
export interface IdEntry {
  readonly id: string;
  readonly kind: IdKind;
  readonly pat: Pat;
  /** Set for permission and assignment ids. */
  readonly assignment?: PermissionAssignment;
  readonly connectionId: string;
  readonly connectionLabel: string;
  readonly host: string;
}

/**
 * Every id of the fetched lists, looked up in O(1) on each hover. An id may occur more than once:
 * the org and user ids are shared by all of a caller's PATs, a permission by every PAT it is assigned to.
 */
export class IdIndex {
  static readonly empty = new IdIndex(new Map());

  private constructor(private readonly entries: ReadonlyMap<string, readonly IdEntry[]>) {}

  static build(sources: readonly IdSource[]): IdIndex {
    const entries = new Map<string, IdEntry[]>();
    const add = (entry: IdEntry) => {
      if (entry.id === "") return; // the API sends "" for a missing credId, assignmentId, ...
      const list = entries.get(entry.id);
      if (list) list.push(entry);
      else entries.set(entry.id, [entry]);
    };
    for (const { connectionId, connectionLabel, host, pats } of sources) {
      const where = { connectionId, connectionLabel, host };
      for (const pat of sortedPats(pats)) {
        add({ id: pat.tokenId, kind: "token", pat, ...where });
        add({ id: pat.credId, kind: "credential", pat, ...where });
        add({ id: pat.orgId, kind: "org", pat, ...where });
        add({ id: pat.linkedUserId, kind: "user", pat, ...where });
        for (const assignment of pat.permissionAssignments) {
          add({ id: assignment.permissionId, kind: "permission", pat, assignment, ...where });
          add({ id: assignment.assignmentId, kind: "assignment", pat, assignment, ...where });
        }
      }
    }
    return new IdIndex(entries);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Where `id` occurs, PATs in the view's order; empty when it is not a listed id. */
  lookup(id: string): readonly IdEntry[] {
    return this.entries.get(id) ?? [];
  }

  /** Every distinct id with where it occurs, in the order the PATs are shown. */
  all(): IterableIterator<[string, readonly IdEntry[]]> {
    return this.entries.entries();
  }
}

/** A stretch of one line: [start, end) in UTF-16 code units, as VS Code positions count. */
export interface LineSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Longer than any Dfns id (43-character credIds, 31-character prefixed ids): a run past it is not one. */
export const maxIdLength = 256;

const idChar = /[A-Za-z0-9_-]/;
// Standard base64 credential ids may also hold + and /, and end in = padding.
const base64Char = /[A-Za-z0-9_+/-]/;

/** The run of `chars` around `character`, looking no further than `maxIdLength` either side. */
function runAt(line: string, character: number, chars: RegExp): LineSpan | undefined {
  const inRun = (index: number) => index >= 0 && index < line.length && chars.test(line.charAt(index));
  // A hover on the character just after a word still names it, as VS Code's own word ranges do.
  const anchor = inRun(character) ? character : inRun(character - 1) ? character - 1 : undefined;
  if (anchor === undefined) return undefined;
  let start = anchor;
  let end = anchor + 1;
  while (inRun(start - 1)) {
    start--;
    if (anchor - start > maxIdLength) return undefined;
  }
  while (inRun(end)) {
    end++;
    if (end - anchor > maxIdLength) return undefined;
  }
  return { text: line.slice(start, end), start, end };
}

/**
 * The id-shaped words at `character` of one line, most likely first: the plain id word
 * (`to-...`, base64url credIds), then a standard base64 reading with its `=` padding.
 * Only the line is looked at, and only `maxIdLength` characters around the position.
 */
export function idCandidatesAt(line: string, character: number): LineSpan[] {
  const word = runAt(line, character, idChar);
  if (!word) return [];
  const candidates = [word];
  const base64 = runAt(line, character, base64Char);
  if (base64) {
    let end = base64.end;
    while (end < line.length && end - base64.end < 2 && line.charAt(end) === "=") end++;
    const padded = { text: line.slice(base64.start, end), start: base64.start, end };
    if (padded.text !== word.text) candidates.push(padded);
  }
  return candidates;
}

const shapes: Record<string, IdKind> = {
  to: "token",
  cr: "credential",
  pm: "permission",
  as: "assignment",
  or: "org",
  us: "user",
};

// Dfns ids read `to-7vwr2-h2f29-9m6a0fmkk7rr2hj7`: a kind prefix, then three lowercase groups.
// Requiring all three keeps `us-east-1` and `as-is` from passing for ids.
const idShape = /^(to|cr|pm|as|or|us)-[a-z0-9]{3,}-[a-z0-9]{3,}-[a-z0-9]{6,}$/;

/** The kind an unknown word's shape suggests, or undefined when it does not look like a Dfns id. */
export function dfnsIdShape(text: string): IdKind | undefined {
  const match = idShape.exec(text);
  return match ? shapes[match[1] as string] : undefined;
}
