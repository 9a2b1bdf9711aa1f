// C0 and C1 controls break lines; bidirectional overrides and isolates can make a name read as
// another (U+202E turns "exe.txt" around). Each becomes a space.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this removes
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const markdownSyntax = /[\\`*_{}[\]()#+\-.!|<>~&]/g;

/**
 * Escapes text from the API for a Markdown tooltip, so a token's name can never become a link,
 * an image, HTML or a `command:` URI, nor break the tooltip's lines.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(controlCharacters, " ").replace(markdownSyntax, (char) => `\\${char}`);
}
