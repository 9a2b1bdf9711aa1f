import assert from "node:assert/strict";
import { csvField, looksLikeFormula, toCsv } from "../../src/report/csv";
import { parseCsv } from "./rfc4180";

/** A small deterministic PRNG (mulberry32), so a failing case can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("CSV reader used by the round-trip tests", () => {
  it("reads quoted fields, doubled quotes and line breaks inside quotes", () => {
    assert.deepEqual(parseCsv('a,"b""c","d\r\ne"\r\n,x,\r\n'), [
      ["a", 'b"c', "d\r\ne"],
      ["", "x", ""],
    ]);
  });

  it("rejects what RFC 4180 does not allow", () => {
    assert.throws(() => parseCsv('a"b,c\r\n'), /quote in an unquoted field/);
    assert.throws(() => parseCsv('"ab"c,d\r\n'), /unexpected "c"/);
    assert.throws(() => parseCsv('"abc\r\n'), /unterminated/);
    assert.throws(() => parseCsv("a,b"), /missing CRLF/);
  });
});

describe("toCsv", () => {
  it("leaves plain fields bare and quotes those with a comma, quote, CR, LF or edge spaces", () => {
    assert.equal(csvField("ci-deployer"), "ci-deployer");
    assert.equal(csvField("a,b"), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField("two\nlines"), '"two\nlines"');
    assert.equal(csvField("cr\ronly"), '"cr\ronly"');
    assert.equal(csvField(" padded "), '" padded "');
    assert.equal(csvField(""), "");
  });

  it("ends every record, the last one too, with CRLF", () => {
    assert.equal(
      toCsv([
        ["a", "b"],
        ["c,d", 'e"f'],
      ]),
      'a,b\r\n"c,d","e""f"\r\n',
    );
    assert.equal(toCsv([]), "");
  });

  it("keeps a record of one empty field from becoming a blank line", () => {
    const text = toCsv([["only"], [""], ["last"]]);
    assert.equal(text, 'only\r\n""\r\nlast\r\n');
    assert.deepEqual(parseCsv(text), [["only"], [""], ["last"]]);
  });

  it("round-trips awkward names exactly", () => {
    const rows = [
      ["Name", "Token ID", "Notes"],
      ["deploy, staging", 'the "real" one', ""],
      ["line one\nline two", "crlf\r\ninside", "lone\rcr"],
      ["  leading", "trailing  ", " "],
      ["日本語のトークン", "émoji 🔑👩‍💻", "\u202Eright-to-left"],
      ['"', '""', ","],
      ["", "", ""],
      ['=HYPERLINK("http://evil","x")', "+1", "-2;@SUM(A1)"],
      ["tab\tinside", "back\\slash", "semi; colon"],
    ];
    const text = toCsv(rows);
    assert.deepEqual(parseCsv(text), rows);
    // Nothing outside quotes ends a line but CRLF.
    assert.equal(
      text
        .replace(/"(?:[^"]|"")*"/g, "")
        .replace(/\r\n/g, "")
        .search(/[\r\n]/),
      -1,
    );
  });

  it("round-trips random fields made of the characters that matter", () => {
    const next = random(0x5eed);
    const alphabet = [",", '"', "\r", "\n", " ", "\t", "a", "Z", "é", "🔑", "=", ";", "\\", "|"];
    const rows: string[][] = [];
    for (let r = 0; r < 300; r++) {
      const row: string[] = [];
      const width = 1 + Math.floor(next() * 5);
      for (let c = 0; c < width; c++) {
        let value = "";
        const length = Math.floor(next() * 8);
        for (let k = 0; k < length; k++) value += alphabet[Math.floor(next() * alphabet.length)];
        row.push(value);
      }
      rows.push(row);
    }
    assert.deepEqual(parseCsv(toCsv(rows)), rows);
  });
});

describe("formula-like cells", () => {
  it("are recognised by their first character, as spreadsheet apps read them", () => {
    for (const value of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) {
      assert.equal(looksLikeFormula(value), true, value);
    }
    for (const value of ["", "a=b", "1-2", " =1", "name@example.com"]) {
      assert.equal(looksLikeFormula(value), false, value);
    }
  });

  it("are written unchanged", () => {
    assert.equal(toCsv([["=cmd|' /C calc'!A0", "@x"]]), "=cmd|' /C calc'!A0,@x\r\n");
  });
});
