import { operationCount, type Pat } from "../dfns/types";
import { l10n } from "../util/l10n";
import { escapeMarkdown } from "../util/markdown";
import { absoluteTime, relativeTime } from "../util/time";
import { type IdEntry, type IdKind, idKindLabel } from "./idIndex";

/** The only commands a hover links to; the MarkdownString trusts exactly these. */
export const hoverCommands = { reveal: "dfns.revealToken", copy: "dfns.copyText" } as const;

/** How many tokens a shared id (org, user, permission) lists before "and N more". */
const maxListed = 5;
/** How many permissions a token's hover names before "and N more". */
const maxPermissions = 6;

/**
 * A `command:` URI. encodeURIComponent leaves `(`, `)`, `'`, `!` and `*` alone; `)` would end the
 * Markdown link early, so they are encoded too and an id can never reshape the link around it.
 */
export function commandUri(command: string, args: readonly unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `command:${command}?${encoded}`;
}

function operations(count: number): string {
  return count === 1 ? l10n.t("1 operation") : l10n.t("{0} operations", count);
}

function name(pat: Pat): string {
  return escapeMarkdown(pat.name || pat.tokenId);
}

function age(pat: Pat, now: number): string {
  const ago = relativeTime(pat.createdAt, now);
  return l10n.t("created {0}", ago || escapeMarkdown(pat.dateCreated));
}

function revealLink({ pat, connectionId }: IdEntry): string {
  const target = commandUri(hoverCommands.reveal, [pat.tokenId, connectionId]);
  return `[${l10n.t("Reveal in Sidebar")}](${target})`;
}

function copyLink(id: string, kind: IdKind): string {
  const what = idKindLabel(kind);
  return `[${l10n.t("Copy {0}", what)}](${commandUri(hoverCommands.copy, [id, what])})`;
}

function permissions(pat: Pat): string {
  const heading = `**${l10n.t("Permissions")}:**`;
  const assignments = pat.permissionAssignments;
  if (assignments.length === 0) return `${heading} ${l10n.t("none")}`;
  const named = assignments.slice(0, maxPermissions).map((assignment) => {
    return `${escapeMarkdown(assignment.permissionName)} (${operations(assignment.operations?.length ?? 0)})`;
  });
  if (assignments.length > maxPermissions) {
    named.push(l10n.t("and {0} more", assignments.length - maxPermissions));
  }
  const count = operationCount(pat);
  const inAll = count === 1 ? l10n.t("1 operation in all") : l10n.t("{0} operations in all", count);
  return `${heading} ${named.join(", ")} · ${inAll}`;
}

/** Everything about the one token an id belongs to. */
function oneToken(entry: IdEntry, now: number): string[] {
  const { pat } = entry;
  const created = absoluteTime(pat.createdAt);
  return [
    [
      pat.isActive ? l10n.t("active") : `**${l10n.t("inactive")}**`,
      created ? `${age(pat, now)} (${created})` : age(pat, now),
      l10n.t("on {0}", escapeMarkdown(entry.connectionLabel)),
    ].join(" · "),
    permissions(pat),
  ];
}

/** One line per token sharing the id, each with its own reveal link. */
function manyTokens(entries: readonly IdEntry[], now: number): string[] {
  const lines = entries.slice(0, maxListed).map((entry) => {
    const { pat, connectionLabel } = entry;
    return [
      `- **${name(pat)}**`,
      pat.isActive ? l10n.t("active") : l10n.t("inactive"),
      age(pat, now),
      operations(operationCount(pat)),
      l10n.t("on {0}", escapeMarkdown(connectionLabel)),
      revealLink(entry),
    ].join(" · ");
  });
  if (entries.length > maxListed) lines.push(`- ${l10n.t("and {0} more", entries.length - maxListed)}`);
  return lines;
}

/** `**Dfns token ID**`: what kind of id it is, in bold. */
function kindHeading(kind: IdKind): string {
  return `**${l10n.t("Dfns {0}", idKindLabel(kind))}**`;
}

function title(kind: IdKind, entries: readonly IdEntry[]): string {
  const label = kindHeading(kind);
  const first = entries[0] as IdEntry;
  const count = entries.length;
  const permission = first.assignment ? `**${escapeMarkdown(first.assignment.permissionName)}**` : "";
  if (kind === "permission") {
    const assigned =
      count === 1
        ? l10n.t("{0}, assigned to 1 listed token", permission)
        : l10n.t("{0}, assigned to {1} listed tokens", permission, count);
    return `${label} · ${assigned}`;
  }
  const owner = count === 1 ? `**${name(first.pat)}**` : l10n.t("{0} listed tokens", count);
  if (kind === "assignment") return `${label} · ${l10n.t("{0} assigned to {1}", permission, owner)}`;
  return l10n.t("{0} of {1}", label, owner);
}

function section(id: string, kind: IdKind, entries: readonly IdEntry[], now: number): string {
  const [first] = entries;
  const body =
    entries.length === 1 && first
      ? [...oneToken(first, now), `${revealLink(first)} · ${copyLink(id, kind)}`]
      : [...manyTokens(entries, now), "", copyLink(id, kind)];
  // Two trailing spaces make hard line breaks; list lines need none.
  return [title(kind, entries), "", ...body]
    .map((line) => (line.startsWith("- ") ? line : `${line}  `))
    .join("\n");
}

/**
 * What a listed id is: the token(s) carrying it, their status, age, permissions and connection,
 * with links to reveal and copy. Every API-supplied text is escaped, so no name can add a link.
 */
export function knownIdHover(id: string, entries: readonly IdEntry[], now: number): string {
  const byKind = new Map<IdKind, IdEntry[]>();
  for (const entry of entries) {
    const list = byKind.get(entry.kind);
    if (list) list.push(entry);
    else byKind.set(entry.kind, [entry]);
  }
  return [...byKind].map(([kind, list]) => section(id, kind, list, now)).join("\n\n---\n\n");
}

export interface ListInfo {
  readonly loaded: boolean;
  readonly host: string | undefined;
  readonly fetchedAt: Date | undefined;
}

/** For an id-shaped word the fetched list does not hold; honest about whether a list was there to look in. */
export function unknownIdHover(kind: IdKind, list: ListInfo, now: number): string {
  const label = kindHeading(kind);
  if (!list.loaded || !list.host) {
    return l10n.t(
      "Looks like a {0}. No token list is loaded in this window: open the Dfns view or run {1} to see which token it belongs to.",
      label,
      `**${l10n.t("Dfns: List PATs")}**`,
    );
  }
  const fetched = list.fetchedAt ? relativeTime(list.fetchedAt, now) : undefined;
  return [
    `${l10n.t("Looks like a {0}, not among your listed tokens on {1}.", label, escapeMarkdown(list.host))}  `,
    fetched
      ? l10n.t(
          "It may belong to another user, org or environment, or be newer than the list (fetched {0}): refresh the Dfns view to check again.",
          fetched,
        )
      : l10n.t(
          "It may belong to another user, org or environment, or be newer than the list: refresh the Dfns view to check again.",
        ),
  ].join("\n");
}
