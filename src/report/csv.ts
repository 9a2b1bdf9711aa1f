/**
 * CSV as RFC 4180 writes it. Values are never altered, so any conforming reader gets back exactly
 * what the API sent, whatever a token's name contains.
 */

// Comma, quote, CR and LF need quotes by the RFC. Leading or trailing whitespace gets them too:
// harmless, and some readers trim unquoted fields.
const needsQuotes = /[",\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records joined with CRLF, the last one included (as the RFC allows and spreadsheets expect). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) =>
      // A record of one empty field would be a blank line, which readers skip: quote it.
      row.length === 1 && row[0] === "" ? '""' : row.map(csvField).join(","),
    )
    .map((line) => `${line}\r\n`)
    .join("");
}

/**
 * Whether a spreadsheet app would read the cell as a formula (the characters OWASP lists for CSV
 * injection). `toCsv` leaves such cells alone; this lets the caller warn before the user opens the file.
 */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}
