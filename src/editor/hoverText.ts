import { operationCount, type Pat } from "../dfns/types";
import { escapeMarkdown } from "../util/markdown";
import { absoluteTime, relativeTime } from "../util/time";
import { type IdEntry, type IdKind, idKindLabels } from "./idIndex";

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

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function name(pat: Pat): string {
  return escapeMarkdown(pat.name || pat.tokenId);
}

function age(pat: Pat, now: number): string {
  const ago = relativeTime(pat.createdAt, now);
  return ago ? `created ${ago}` : `created ${escapeMarkdown(pat.dateCreated)}`;
}

function revealLink(pat: Pat): string {
  return `[Reveal in Sidebar](${commandUri(hoverCommands.reveal, [pat.tokenId])})`;
}

function copyLink(id: string, kind: IdKind): string {
  const what = idKindLabels[kind];
  return `[Copy ${what}](${commandUri(hoverCommands.copy, [id, what])})`;
}

function permissions(pat: Pat): string {
  const assignments = pat.permissionAssignments;
  if (assignments.length === 0) return "**Permissions:** none";
  const named = assignments.slice(0, maxPermissions).map((assignment) => {
    const operations = assignment.operations?.length ?? 0;
    return `${escapeMarkdown(assignment.permissionName)} (${plural(operations, "operation")})`;
  });
  if (assignments.length > maxPermissions) named.push(`and ${assignments.length - maxPermissions} more`);
  return `**Permissions:** ${named.join(", ")} · ${plural(operationCount(pat), "operation")} in all`;
}

/** Everything about the one token an id belongs to. */
function oneToken(entry: IdEntry, now: number): string[] {
  const { pat } = entry;
  const created = absoluteTime(pat.createdAt);
  return [
    [
      pat.isActive ? "active" : "**inactive**",
      created ? `${age(pat, now)} (${created})` : age(pat, now),
      `on ${escapeMarkdown(entry.connectionLabel)}`,
    ].join(" · "),
    permissions(pat),
  ];
}

/** One line per token sharing the id, each with its own reveal link. */
function manyTokens(entries: readonly IdEntry[], now: number): string[] {
  const lines = entries
    .slice(0, maxListed)
    .map(({ pat, connectionLabel }) =>
      [
        `- **${name(pat)}**`,
        pat.isActive ? "active" : "inactive",
        age(pat, now),
        plural(operationCount(pat), "operation"),
        `on ${escapeMarkdown(connectionLabel)}`,
        revealLink(pat),
      ].join(" · "),
    );
  if (entries.length > maxListed) lines.push(`- and ${entries.length - maxListed} more`);
  return lines;
}

function title(kind: IdKind, entries: readonly IdEntry[]): string {
  const label = `**Dfns ${idKindLabels[kind]}**`;
  const first = entries[0] as IdEntry;
  const permission = first.assignment ? `**${escapeMarkdown(first.assignment.permissionName)}**` : "";
  if (kind === "permission")
    return `${label} · ${permission}, assigned to ${plural(entries.length, "listed token")}`;
  const owner = entries.length === 1 ? `**${name(first.pat)}**` : plural(entries.length, "listed token");
  if (kind === "assignment") return `${label} · ${permission} assigned to ${owner}`;
  return `${label} of ${owner}`;
}

function section(id: string, kind: IdKind, entries: readonly IdEntry[], now: number): string {
  const [first] = entries;
  const body =
    entries.length === 1 && first
      ? [...oneToken(first, now), `${revealLink(first.pat)} · ${copyLink(id, kind)}`]
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
  const label = idKindLabels[kind];
  if (!list.loaded || !list.host) {
    return `Looks like a **Dfns ${label}**. No token list is loaded in this window: open the Dfns view or run **Dfns: List PATs** to see which token it belongs to.`;
  }
  const fetched = list.fetchedAt ? relativeTime(list.fetchedAt, now) : undefined;
  return [
    `Looks like a **Dfns ${label}**, not among your listed tokens on ${escapeMarkdown(list.host)}.  `,
    `It may belong to another user, org or environment, or be newer than the list${fetched ? ` (fetched ${fetched})` : ""}: refresh the Dfns view to check again.`,
  ].join("\n");
}
