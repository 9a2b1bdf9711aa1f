/**
 * The pure half of "Open Details" and "Copy as JSON": the text of one PAT as the API returned it, and
 * the path of the read-only virtual document that shows it. No `vscode` import, so it is unit-tested
 * in plain Node; `detailsProvider.ts` wraps the path in a `vscode.Uri`.
 */

/** The URI scheme of the details documents. */
export const detailsScheme = "dfns-pat";

const jsonExtension = ".json";

/**
 * `accessToken` is never to be shown or stored. A list item should not carry it, but a misbehaving
 * server might, so it is dropped at any depth. The match ignores case and `_`/`-`, so `access_token`
 * or `AccessToken` are dropped too: a field that looks like the secret is not worth the risk.
 */
function isAccessTokenKey(key: string): boolean {
  return key.replace(/[_-]/g, "").toLowerCase() === "accesstoken";
}

/**
 * Pretty JSON of one PAT as the API returned it: two-space indent, a trailing newline, keys in the
 * order the response had them, every `accessToken` removed. Note that the order is that of the parsed
 * object, so integer-like keys ("0", "42") come first, as in any JavaScript object; PAT fields have
 * none.
 */
export function patJson(raw: Readonly<Record<string, unknown>>): string {
  const text = JSON.stringify(
    raw,
    (key: string, value: unknown) => (isAccessTokenKey(key) ? undefined : value),
    2,
  );
  return `${text}\n`;
}

/** What a details path identifies. `name` is for display only: the PAT is found by its ids. */
export interface DetailsAddress {
  readonly connectionId: string;
  readonly tokenId: string;
  readonly name: string;
}

/** Segments made only of dots would be collapsed by any code that normalises paths. */
function escapeDots(segment: string): string {
  return /^\.+$/.test(segment) ? segment.replace(/\./g, "%2E") : segment;
}

/** Lone UTF-16 surrogates cannot be percent-encoded (encodeURIComponent throws on them). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function encodeId(id: string, what: string): string {
  if (id === "") throw new RangeError(`detailsPath: ${what} is empty`);
  if (loneSurrogate.test(id)) throw new RangeError(`detailsPath: ${what} is not well-formed Unicode`);
  return escapeDots(encodeURIComponent(id));
}

/** Bidirectional controls (ALM, LRM, RLM, embeddings, overrides, isolates): they could make a tab title lie. */
const bidiControls = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

/**
 * Whether a character of the name must be escaped: the path separators, `%` (the escape itself), `?`
 * and `#` (they would start a query or fragment if the path were ever parsed as a URI string), C0/C1
 * control characters and the bidirectional controls. Spaces and other Unicode stay literal so the tab
 * title is readable.
 */
function unsafeInName(char: string): boolean {
  if ("%/\\?#".includes(char)) return true;
  const code = char.codePointAt(0) ?? 0;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || bidiControls.has(code);
}

function encodeName(name: string): string {
  const wellFormed = name.replace(new RegExp(loneSurrogate.source, "g"), "\uFFFD");
  let encoded = "";
  for (const char of wellFormed) {
    encoded += unsafeInName(char) ? encodeURIComponent(char) : char;
  }
  return encoded;
}

/**
 * The path of a PAT's details document: `/<connectionId>/<tokenId>/<name>.json`. The ids are
 * percent-encoded so that any value round-trips; the name keeps spaces and Unicode literal (it becomes
 * the tab title) and escapes only what could break the path. An empty name falls back to the tokenId.
 * Wrap it with `vscode.Uri.from({ scheme: detailsScheme, path })` and read it back from `uri.path`
 * (not from a hand-built URI string, which would decode the escapes once too often).
 *
 * Nothing secret goes in: the connection id must itself not be derived from the token in a
 * reversible way. Throws RangeError for an empty or ill-formed (lone surrogate) id.
 */
export function detailsPath(connectionId: string, tokenId: string, name: string): string {
  const shown = name === "" ? tokenId : name;
  return `/${encodeId(connectionId, "connectionId")}/${encodeId(tokenId, "tokenId")}/${encodeName(shown)}${jsonExtension}`;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Reads a path made by `detailsPath`; anything of another shape gives `undefined`, never a throw. */
export function parseDetailsPath(path: string): DetailsAddress | undefined {
  const segments = path.split("/");
  if (segments.length !== 4 || segments[0] !== "") return undefined;
  const [, rawConnection = "", rawToken = "", rawName = ""] = segments;
  if (!rawName.endsWith(jsonExtension) || rawName.length === jsonExtension.length) return undefined;
  const connectionId = decode(rawConnection);
  const tokenId = decode(rawToken);
  if (!connectionId || !tokenId) return undefined;
  const nameText = rawName.slice(0, -jsonExtension.length);
  return { connectionId, tokenId, name: decode(nameText) ?? nameText };
}
