// A small streaming CSV reader (RFC 4180: https://www.rfc-editor.org/rfc/rfc4180): comma-separated fields,
// double-quoted fields may hold commas, line breaks and doubled quotes (""). CRLF and LF both end a record,
// and a UTF-8 byte-order mark at the start is dropped. It reads chunk by chunk, so a 250k-row feed never sits
// in memory whole. Lenient where feeds are sloppy: a quote inside an unquoted field is kept as text.

/** One record: its fields and the 1-based line it started on (for reports). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** Records of a CSV text given as chunks (e.g. a file stream with `encoding: 'utf8'`). */
export async function* readCsv(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  // A quote closing a quoted field may be the first of a doubled quote split across two chunks.
  let quotePending = false;
  let line = 1;
  let recordLine = 1;
  let first = true;
  // True once the current record has any content, so that blank lines yield no record.
  let started = false;
  // A chunk ended in \r: a \n opening the next chunk belongs to the same line end.
  let skipLf = false;

  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    const n = chunk.length;
    let i = 0;
    if (skipLf && chunk[0] === '\n') i = 1;
    skipLf = false;
    while (i < n) {
      if (quotePending) {
        quotePending = false;
        if (chunk[i] === '"') {
          field += '"';
          inQuotes = true;
          i++;
          continue;
        }
      }
      if (inQuotes) {
        const q = chunk.indexOf('"', i);
        if (q === -1) {
          const rest = chunk.slice(i);
          line += countNewlines(rest);
          field += rest;
          i = n;
          break;
        }
        const part = chunk.slice(i, q);
        line += countNewlines(part);
        field += part;
        i = q + 1;
        inQuotes = false;
        if (i === n) quotePending = true;
        else if (chunk[i] === '"') {
          field += '"';
          inQuotes = true;
          i++;
        }
        continue;
      }
      const c = chunk[i];
      if (c === ',') {
        fields.push(field);
        field = '';
        started = true;
        i++;
      } else if (c === '\n' || c === '\r') {
        if (started || field !== '') {
          fields.push(field);
          yield { fields, line: recordLine };
        }
        fields = [];
        field = '';
        started = false;
        // \r\n is one line end; a lone \r (old Mac files) is one too.
        if (c === '\r' && chunk[i + 1] === '\n') i++;
        else if (c === '\r' && i + 1 === n) skipLf = true;
        line++;
        i++;
        recordLine = line;
      } else if (c === '"' && field === '') {
        // A quote opens a quoted field only at the field's start.
        inQuotes = true;
        started = true;
        i++;
      } else {
        // Copy a run of ordinary characters at once: this loop is the import's hot path.
        let j = i + 1;
        while (j < n) {
          const d = chunk[j];
          if (d === ',' || d === '\n' || d === '\r') break;
          j++;
        }
        field += chunk.slice(i, j);
        started = true;
        i = j;
      }
    }
  }
  if (started || field !== '') {
    fields.push(field);
    yield { fields, line: recordLine };
  }
}

function countNewlines(s: string): number {
  let count = 0;
  let at = s.indexOf('\n');
  while (at !== -1) {
    count++;
    at = s.indexOf('\n', at + 1);
  }
  return count;
}
