// Names lower-cased the way the editor's symbol filter compares them (analysis/entities/entityIndex `subsequence`),
// so a LIKE pattern over the folded column finds exactly the names the in-memory search finds.
export function foldName(name: string): string {
  let out = '';
  for (let j = 0; j < name.length; j++) {
    let c = name.charCodeAt(j);
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) c = name[j]?.toLowerCase().charCodeAt(0) ?? c;
    out += String.fromCharCode(c);
  }
  return out;
}

/** A LIKE pattern matching names that hold the query's characters in order: "stk" → `%s%t%k%`. */
export function subsequencePattern(lowerQuery: string): string {
  const escaped = [...lowerQuery].map((c) => (c === '%' || c === '_' || c === '\\' ? `\\${c}` : c));
  return `%${escaped.join('%')}${escaped.length > 0 ? '%' : ''}`;
}
