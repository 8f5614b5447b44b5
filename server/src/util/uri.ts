// One identity per file. Clients, the file system walk and the CLI spell URIs differently (VS Code
// percent-encodes `( ) ' + , = ; @ ! $ &`, Node's pathToFileURL does not), so every URI that enters the
// index is parsed and re-serialised here the way VS Code does it.
import { URI } from 'vscode-uri';

/** The canonical spelling of a URI; a string that does not parse is kept as it is. */
export function normalizeUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/** The canonical `file:` URI of a file system path. */
export function pathToUri(file: string): string {
  return URI.file(file).toString();
}

/** The file system path of a `file:` URI, or `undefined` for other schemes and malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}
