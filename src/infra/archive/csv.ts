// CSV as Mastodon writes and reads it (Ruby's CSV library): RFC 4180 quoting, "\n" between
// records. The parser is strict: a stray quote, text after a closing quote, an unclosed quote or
// a bare carriage return is an error naming the line, as Ruby's MalformedCSVError does.

export type CsvField = string | number | boolean | null | undefined;

/** One record, ending in "\n". Fields with a comma, quote, line break or edge spaces are quoted. */
export function csvLine(fields: readonly CsvField[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

function csvField(value: CsvField): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(`${message} in line ${line}.`);
    this.line = line;
  }
}

/** The records of a CSV text; blank lines are skipped (Ruby's skip_blanks). A BOM is ignored. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let record: string[] = [];
  let field = '';
  const n = text.length;

  const endRecord = () => {
    record.push(field);
    field = '';
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };

  while (i < n) {
    const startLine = line;
    if (text[i] === '"') {
      // A quoted field: "" is a quote; it ends at a quote followed by a separator or the end.
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError('Unclosed quoted field', startLine);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      if (i < n && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
        throw new CsvSyntaxError("Any value after quoted field isn't allowed", line);
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        if (text[i] === '"') throw new CsvSyntaxError('Illegal quoting', line);
        field += text[i];
        i++;
      }
      if (text[i] === '\r' && text[i + 1] !== '\n') throw new CsvSyntaxError('Unquoted fields do not allow a bare carriage return', line);
    }
    if (i >= n) break;
    if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
      // A separator at the very end leaves one more (empty) field.
      if (i >= n) break;
      continue;
    }
    // "\n" or "\r\n"
    i += text[i] === '\r' ? 2 : 1;
    endRecord();
    line++;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
