// C0 and C1 controls and the line and paragraph separators break lines (and VS Code offers to delete
// "unusual line terminators" from a document); bidirectional marks, overrides and isolates can make a
// name read as another (U+202E turns "exe.txt" around). Each becomes a space.
const controlCharacters =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this removes
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const markdownSyntax = /[\\`*_{}[\]()#+\-.!|<>~&]/g;

/**
 * Escapes text from the API for a Markdown tooltip, so a token's name can never become a link,
 * an image, HTML or a `command:` URI, nor break the tooltip's lines.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(controlCharacters, " ").replace(markdownSyntax, (char) => `\\${char}`);
}
