// Cue words, as classes: the phrases every news site uses for the same page furniture (reading lists,
// adverts, newsletters, copyright, author notes, bylines, date stamps, datelines, photo credits). No
// phrase here belongs to one outlet or one article.

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const NUMERIC_DATE = '\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}';

/** A header introducing a reading list: "ALSO READ", "Read more", "More from Europe", "Related articles". */
const LIST_HEADER =
  /^(?:also read|read (?:more|also|next)|more (?:from|on|in|news|stories)\b.*|also on\b.*|related(?: articles| stories| news| coverage| content| links)?|similar (?:news|stories|articles)|recommended(?: for you| stories)?|you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories|latest(?: news| stories)?|see also|further reading|what to read next|don'?t miss|editor'?s picks?)\s*[:»›>]*$/i;

export function isListHeader(text: string): boolean {
  return text.split(/\s+/).length <= 6 && LIST_HEADER.test(text);
}

/** An advert marker alone on its line ("Advertisement"); its copy follows. */
export function isAdvertMarker(text: string): boolean {
  return /^(?:advertisements?|advert|ad|sponsored(?: content)?|promoted(?: content)?|paid (?:content|partnership))\s*:?$/i.test(
    text,
  );
}

/** A line of advert copy introduced by its own marker ("Sponsored: ..."). */
export function isAdvertLine(text: string): boolean {
  return /^(?:advertisement|sponsored|promoted|paid content|partner content)\s*[:|–—-]\s*\S/i.test(text);
}

export function isNewsletter(text: string): boolean {
  const words = text.split(/\s+/).length;
  if (words > 30) return false;
  return (
    /\bnewsletters?\b|\bin your inbox\b|^(?:sign up|subscribe|get)\b.{0,40}\b(?:free|today|now|inbox|newsletter)\b|\bsign up (?:for|to|here)\b/i.test(
      text,
    ) ||
    (words <= 6 && /^(?:subscribe|sign up|sign in|log ?in|register)\b/i.test(text))
  );
}

export function isCopyright(text: string): boolean {
  return /©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\bunauthori[sz]ed (?:reproduction|redistribution|copying)\b|\breproduction\b.{0,60}\b(?:prohibited|without (?:prior )?permission|is licen[cs]ed)\b|\brepublished under licen[cs]e\b/i.test(
    text,
  );
}

export function isContinuedMarker(text: string): boolean {
  return /^(?:(?:the )?(?:story|article|text) continues?\b.*|continued (?:below|on|from|after)\b.*|continue reading\b.*|keep reading\b.*|\(?continued\)?)$/i.test(
    text,
  );
}

/** A heading that introduces a note about the author. */
export function isBioHeader(text: string): boolean {
  return /^(?:about the (?:author|writer|reporter)|author (?:information|bio|profile|details)|about (?:him|her|them))\s*:?$/i.test(
    text,
  );
}

/** A note about the author: a name, then what the person covers or is ("X covers trade for ..."). */
export function isBioLine(text: string): boolean {
  const name = "(?:[\\p{Lu}][\\p{L}'’.-]+\\s+){1,4}";
  const role =
    '(?:covers|writes (?:about|on|for)|reports (?:on|for|from)|has (?:covered|reported|written)|is (?:a|an|the) [\\p{L} -]{0,40}?(?:reporter|correspondent|editor|writer|journalist|columnist|contributor))\\b';
  return (
    new RegExp(`^${name}${role}`, 'u').test(text) ||
    /^I am [\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]+)* and I\b/u.test(text) ||
    /\breach (?:him|her|them) at\b/i.test(text)
  );
}

/** Page furniture at the end of a story: source links, tag lists, imprint lines. */
export function isFooter(text: string): boolean {
  return /^(?:source link|source:\s*\S.*|tags?\s*:.*|topics?\s*:.*|filed under\b.*|share (?:this|on)\b.*|print this\b.*|editor\s*:.*\bpublished by\b.*|published by .*\b(?:ltd|limited|inc|llc|gmbh|s\.a\.)\.?)$/i.test(
    text,
  );
}

/** Site navigation: menus split by bars or breadcrumbs, previous/next links, market tickers, weather. */
export function isNavigation(text: string): boolean {
  const bars = text.split(/\s+\|\s+|\s*\|\s*/);
  if (bars.length >= 3 && bars.every((s) => s.split(/\s+/).length <= 6)) return true;
  const crumbs = text.split(/\s+[>›»]\s+/);
  if (crumbs.length >= 3 && crumbs.every((s) => s.split(/\s+/).length <= 5)) return true;
  if (/^(?:PREV|NEXT|PREVIOUS|Previous article|Next article)\b\s*[:|]?\s*\S/.test(text)) return true;
  if (bars.length >= 2 && bars.some((s) => isNewsletter(s))) return true;
  return isTicker(text) || /^weather\s*:/i.test(text) || isWeather(text);
}

function isTicker(text: string): boolean {
  const moves = text.match(/[▲▼△▽]|[+-−]?\d[\d,.]*\s?%/gu) ?? [];
  return moves.length >= 2 && text.split(/\s+/).length <= 30;
}

function isWeather(text: string): boolean {
  return (text.match(/-?\d+\s?°\s?[CF]\b/g) ?? []).length >= 2;
}

/** A date (and time) stamp, alone or after "Published"/"Updated"/"Posted". */
export function isDateStamp(text: string): boolean {
  if (text.split(/\s+/).length > 16) return false;
  const stripped = text
    .replace(new RegExp(`\\b${WEEKDAY}\\b|\\b${MONTH}\\.?(?=[\\s,\\d]|$)`, 'gi'), ' ')
    .replace(new RegExp(NUMERIC_DATE, 'g'), ' ')
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?/gi, ' ')
    .replace(
      /\b(?:published|updated?|posted|last updated|first published|modified|on|at|date|GMT|UTC|CET|CEST|[A-Z]{2,4}T|GMT[+-]\d+)\b/gi,
      ' ',
    )
    .replace(/\b\d{1,4}(?:st|nd|rd|th)?\b/g, ' ')
    .replace(/(?:\bago\b|\b(?:hours?|minutes?|days?)\b)/gi, ' ');
  const hadDate = new RegExp(
    `\\b${MONTH}\\b|${NUMERIC_DATE}|\\b${WEEKDAY}\\b|\\d{1,2}:\\d{2}|\\bago\\b`,
    'i',
  ).test(text);
  const rest = stripped.replace(/[^\p{L}]+/gu, ' ').trim();
  return hadDate && rest.split(/\s+/).filter(Boolean).length <= 3;
}

/** A leading date stamp glued to a headline (" date 2026-01-13 Title ..."): its length, or 0. */
export function leadingDateStamp(text: string): number {
  const m = new RegExp(
    `^\\s*(?:(?:date|published|updated|posted)\\s*:?\\s*)?(?:${NUMERIC_DATE}|${MONTH}\\.? \\d{1,2},? \\d{4})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*[|:–—-]?\\s+`,
    'i',
  ).exec(text);
  return m ? m[0].length : 0;
}

/**
 * The dateline opening a story's first paragraph ("KESTOWN —", "SANTIAGO, Chile (AP) —", "NARA: ",
 * "Jan. 9 (Wire) —"): its length up to and with the dash, or 0.
 */
export function datelineLength(text: string): number {
  const place = "[\\p{Lu}][\\p{Lu}\\p{M}'’. -]{1,30}[\\p{Lu}]";
  const patterns = [
    new RegExp(`^${place}(?:,[^—–\\n]{1,60}?)?\\s*(?:\\([^()]{1,40}\\))?\\s*(?:—|–|--?)\\s`, 'u'),
    new RegExp(`^${place}\\s*:\\s(?=\\p{Lu})`, 'u'),
    new RegExp(`^${MONTH}\\.? \\d{1,2}(?:, \\d{4})?\\s*\\([^()]{1,40}\\)\\s*(?:—|–|--?)\\s`, 'u'),
  ];
  for (const [k, re] of patterns.entries()) {
    const m = re.exec(text);
    // A place is written in capitals; the date form starts with a month name.
    if (m && (k === 2 || !/\p{Ll}/u.test(m[0].split(/[,(]/)[0]))) return m[0].length;
  }
  return 0;
}

/** Names the writer: "By ...", "| By ...", "Staff Correspondent, City", "Sports Reporter". */
export function isBylineCue(text: string): boolean {
  const words = text.split(/\s+/).length;
  if (words > 16) return false;
  if (/^by\s+[\p{Lu}]/iu.test(text) || /\|\s*by\s+[\p{Lu}]/iu.test(text)) return true;
  return (
    words <= 6 &&
    /\b(?:staff (?:writer|reporter|correspondent)|(?:special |senior |chief )?(?:correspondent|reporter)|wire staff|news desk)\b/i.test(
      text,
    )
  );
}

/** Marks of a photo caption: a credit, a gallery counter, a "Caption:" prefix. */
export function isCaptionCue(text: string): boolean {
  return (
    /^(?:caption|photo|image|picture)\s*:/i.test(text) ||
    /^\d+ of \d+\s*[|:–—-]/.test(text) ||
    /\b(?:photo|photograph|image|picture|file photo|courtesy)\b\s*(?::|by\b|\/|\)|\|)/i.test(text) ||
    /\((?:[^()]*\/)?[\p{Lu}][\p{L}. ]{0,25}(?:photo|[\p{Lu}]{2,})[^()]{0,20}\)\s*$/iu.test(text) ||
    /\b[\p{Lu}]{2,}\/[\p{Lu}][\p{L}\p{M} .'’-]+$/u.test(text) ||
    /\bvia [\p{Lu}][\p{L}]+\s*$/u.test(text)
  );
}
