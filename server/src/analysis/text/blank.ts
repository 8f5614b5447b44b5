// Whitespace-only strings, told apart without building the trimmed string: wink keeps line breaks and
// runs of spaces as tokens, and every token is asked this.

const SPACE_RE = /\s/;

/** Whether `s` is empty or whitespace only: the same as `s.trim() === ''`. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c !== 32 && (c < 9 || c > 13)) return false;
    } else if (!SPACE_RE.test(s[i] as string)) return false;
  }
  return true;
}
