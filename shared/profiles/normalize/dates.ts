/** Date-times and ship-deadline countdowns as the back offices show them → ISO (UTC). */
import { isoFromEpochMs, MINUTE } from "./iso-time.ts";
import { asString, WHITESPACE_RUNS } from "./text.ts";
import type { NormalizeEnv, RawValue } from "./types.ts";

const CHINA_OFFSET_MS = 8 * 3_600_000;

const WHITESPACE = /\s/;
const ISO_WITH_ZONE = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/;
const EPOCH_DIGITS = /^\d{10}(\d{3})?$/;
const FULL_DATE = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/;
const OVERDUE = /超时|超过|逾期|已过/;

const DATE_TIME =
  /(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?)?/;

/**
 * Date-times as the back offices show them, in China time without a zone ("创建时间：2026-11-23 14:25:00",
 * "2026/11/23 14:25", "11-23 09:05" = this year), ISO strings with a zone, or epoch seconds/ms → ISO (UTC).
 */
export function normalizeDateTime(raw: RawValue, env: NormalizeEnv): string | undefined {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw <= 0) return undefined;
    const date = new Date(raw < 1e11 ? raw * 1000 : raw);
    const ms = date.getTime();
    return Number.isNaN(ms) ? undefined : isoFromEpochMs(ms);
  }
  const text = asString(raw).trim();
  if (!text) return undefined;
  // Each pattern needs a "T" or exactly 10/13 characters: most page text skips both regexes on these checks.
  if (text.includes("T") && ISO_WITH_ZONE.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : isoFromEpochMs(ms);
  }
  if ((text.length === 10 || text.length === 13) && EPOCH_DIGITS.test(text)) {
    return normalizeDateTime(Number(text), env);
  }
  const m = text.match(DATE_TIME);
  if (!m) return undefined;
  const year = m[1] ? Number(m[1]) : new Date(env.nowMs + CHINA_OFFSET_MS).getUTCFullYear();
  const month = Number(m[2] ?? 0);
  const day = Number(m[3] ?? 0);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - CHINA_OFFSET_MS;
  return Number.isNaN(ms) ? undefined : isoFromEpochMs(ms);
}

/**
 * Countdowns next to the ship deadline: "发货剩余46小时26分", "剩余 1天2小时", "还剩30分钟", "已超时3小时5分" → the
 * deadline as ISO, counted from the page's clock. A text holding a date-time is read as that date-time.
 */
export function normalizeCountdown(raw: RawValue, env: NormalizeEnv): string | undefined {
  const shown = asString(raw);
  // A full date-time wins ("最晚出库：2026-11-25 15:11:00", "2026-11-25 11:01:00（剩余43小时1分）").
  if (FULL_DATE.test(shown)) return normalizeDateTime(shown, env);
  const text = WHITESPACE.test(shown) ? shown.replace(WHITESPACE_RUNS, "") : shown;
  if (!text) return undefined;
  const parts = countdownParts(text);
  if (parts.day === undefined && parts.hour === undefined && parts.minute === undefined) {
    return normalizeDateTime(shown, env);
  }
  const minutes = Number(parts.day ?? 0) * 1440 + Number(parts.hour ?? 0) * 60 + Number(parts.minute ?? 0);
  const overdue = OVERDUE.test(text);
  return isoFromEpochMs(env.nowMs + (overdue ? -minutes : minutes) * MINUTE);
}

/**
 * A run of digits and its unit: 天/日 (day), 小时/时/h (hour), 分钟/分/min/m-not-followed-by-s (minute). For each
 * unit, the first run followed by it is what `/(\d+)(?:天|日)/`, `/(\d+)(?:小时|时|h)/i` and
 * `/(\d+)(?:分钟|分|min|m(?!s))/i` would capture: the units start with different characters, so one scan finds all
 * three (a regex, native even while this code is still cold).
 */
const COUNTDOWN_PART = /(\d+)(?:(天|日)|(小时|时|h)|(分钟|分|min|m(?!s)))/gi;

function countdownParts(text: string): { day?: string; hour?: string; minute?: string } {
  const parts: { day?: string; hour?: string; minute?: string } = {};
  COUNTDOWN_PART.lastIndex = 0;
  for (let m = COUNTDOWN_PART.exec(text); m; m = COUNTDOWN_PART.exec(text)) {
    if (m[2] !== undefined) parts.day ??= m[1];
    else if (m[3] !== undefined) parts.hour ??= m[1];
    else parts.minute ??= m[1];
  }
  return parts;
}
