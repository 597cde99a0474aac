/**
 * Timestamps of orders are ISO strings (2026-11-23T02:01:00.000Z). Date.parse is a large share of the checks'
 * time over 100,000 orders, so the common exact form is read here digit by digit; anything else (other
 * forms, no zone, days past the 28th whose validity depends on the month) goes to Date.parse, so the result
 * is always what Date.parse gives.
 */

function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Epoch ms of an ISO timestamp, NaN for undefined, empty or unreadable text (exactly as Date.parse). */
export function parseTimestamp(text: string | undefined): number {
  if (!text) return Number.NaN;
  const fast = fastIso(text);
  return fast === undefined ? Date.parse(text) : fast;
}

/** YYYY-MM-DDTHH:MM:SS[.sss](Z|±HH:MM), or undefined for anything else. */
function fastIso(s: string): number | undefined {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return undefined;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  const second = digitsAt(s, 17, 2);
  // Date.UTC reads years 0–99 as 1900–1999: leave those rare years to Date.parse.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 28) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  let at = 19;
  let ms = 0;
  if (s.charCodeAt(at) === 46) {
    ms = digitsAt(s, at + 1, 3);
    if (ms < 0) return undefined;
    at += 4;
  }
  let offsetMinutes = 0;
  const zone = s.charCodeAt(at);
  if (zone === 90) {
    if (at + 1 !== n) return undefined;
  } else if (zone === 43 || zone === 45) {
    if (at + 6 !== n || s.charCodeAt(at + 3) !== 58) return undefined;
    const oh = digitsAt(s, at + 1, 2);
    const om = digitsAt(s, at + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMinutes = (zone === 43 ? 1 : -1) * (oh * 60 + om);
  } else return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}
