// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this removes
const controlCharacters = /[\u0000-\u001f\u007f]/g;
const markdownSyntax = /[\\`*_{}[\]()#+\-.!|<>~&]/g;

/**
 * Escapes text from the API for a Markdown tooltip, so a token's name can never become a link,
 * an image, HTML or a `command:` URI, nor break the tooltip's lines.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(controlCharacters, " ").replace(markdownSyntax, (char) => `\\${char}`);
}
