// The team corpus's connection string as the client keeps it: the URL goes to settings without its
// password, the password to SecretStorage under a key of the URL. No vscode import, so it is unit-tested.

export interface SplitUrl {
  /** The URL without a password. */
  url: string;
  /** The password the URL held, if any. */
  password?: string;
}

/** A postgres:// URL, or why it is not one. */
export function checkTeamUrl(value: string): string | undefined {
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return 'Not a URL: give postgres://user@host:5432/database';
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    return 'The URL must start with postgres:// (or postgresql://)';
  if (!u.hostname) return 'The URL names no host';
  if (u.pathname.length <= 1) return 'The URL names no database: postgres://user@host:5432/database';
  return undefined;
}

/** Takes the password out of a URL, so settings never hold it. */
export function splitPassword(value: string): SplitUrl {
  const u = new URL(value.trim());
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return password === undefined ? { url: u.toString() } : { url: u.toString(), password };
}

/** Where the password of a URL is kept in SecretStorage: one per user, host, port and database. */
export function secretKey(url: string): string {
  const u = new URL(url);
  return `articleLens.teamCorpus.password:${u.username}@${u.host}${u.pathname}`;
}
