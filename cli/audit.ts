/**
 * `kefu audit FILE [--now TIME] [--settings FILE]`: batch order check of an exported order file.
 * FILE is a 淘宝/千牛 order export CSV (UTF-8 with/without BOM, or GBK as Excel in China writes it) or a JSON
 * array of Order. Prints one JSON line per warning: {"orderId","rule","severity","message"}.
 * Exit codes: 0 done (warnings or not), 2 bad input (nothing printed).
 */
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import type { Order } from "../shared/model.ts";
import { OrderFileError, ordersFromCsv, parseChinaTime } from "../shared/orders/export-csv.ts";
import { checkOrders, parseOrderRuleSettings } from "../shared/orders/index.ts";
import { ordersFromJson } from "../shared/orders/order-schema.ts";

const USAGE = `用法 Usage: kefu audit FILE [--now TIME] [--settings FILE]
  FILE         订单导出 CSV（UTF-8/GBK）或订单 JSON 数组 — order export CSV (UTF-8/GBK) or JSON array of orders
  --now TIME   固定当前时间 fix the clock: ISO (2026-11-23T12:00:00+08:00) or China time (2026-11-23 12:00)
  --settings   团队设置 JSON（整份或 orderRules 部分）team settings JSON (whole, or the orderRules section)`;

class UsageError extends Error {}

/**
 * UTF-8 (BOM or valid UTF-8) first; a UTF-16 BOM (Excel's "Unicode 文本", tab-separated) is honoured;
 * anything else that is not valid UTF-8 is read as GBK, as Excel in China saves CSV.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "gbk");
  }
}

function parseArgs(argv: string[]): { file: string; now?: string; settingsFile?: string } {
  let file: string | undefined;
  let now: string | undefined;
  let settingsFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const value = (): string => {
      const eq = arg.indexOf("=");
      if (eq >= 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} 需要一个值 (${arg} needs a value)`);
      return next;
    };
    if (arg === "--now" || arg.startsWith("--now=")) now = value();
    else if (arg === "--settings" || arg.startsWith("--settings=")) settingsFile = value();
    else if (arg.startsWith("-")) throw new UsageError(`未知选项 unknown option: ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`多余的参数 unexpected argument: ${arg}`);
  }
  if (!file) throw new UsageError("缺少订单文件 (missing FILE)");
  return { file, ...(now !== undefined ? { now } : {}), ...(settingsFile !== undefined ? { settingsFile } : {}) };
}

/** The file's bytes; a missing file, a directory or a permission problem names the path. */
function readBytes(file: string, what: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (err) {
    const reason = err instanceof Error && "code" in err ? String(err.code) : String(err);
    throw new OrderFileError(`无法读取${what} cannot read ${file} (${reason})`);
  }
}

function readOrders(file: string): Order[] {
  const text = decodeText(readBytes(file, "订单文件"));
  const trimmed = text.trimStart();
  if (file.toLowerCase().endsWith(".json") || trimmed.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      throw new OrderFileError(`JSON 格式错误 invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    return ordersFromJson(value);
  }
  return ordersFromCsv(text);
}

function readSettings(file: string | undefined) {
  if (!file) return parseOrderRuleSettings({});
  const bytes = readBytes(file, "设置文件");
  let value: unknown;
  try {
    value = JSON.parse(decodeText(bytes));
  } catch (err) {
    throw new UsageError(
      `设置文件无法读取 cannot read settings ${file}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  // Whole team settings hold the section under `orderRules`; a bare section is accepted too.
  const section =
    value && typeof value === "object" && !Array.isArray(value) && "orderRules" in value
      ? (value as { orderRules: unknown }).orderRules
      : value;
  return parseOrderRuleSettings(section);
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  let lines: string[];
  try {
    const args = parseArgs(argv);
    // A time without a zone is China time, as the back offices show it (2026-11-23 20:00).
    const now = args.now === undefined ? Date.now() : parseChinaTime(args.now);
    if (Number.isNaN(now)) throw new UsageError(`--now 不是有效时间 (invalid --now): ${args.now}`);
    const settings = readSettings(args.settingsFile);
    const orders = readOrders(args.file);
    lines = checkOrders(orders, settings, now).map((w) =>
      JSON.stringify({ orderId: w.orderId, rule: w.rule, severity: w.severity, message: w.message }),
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`kefu audit: ${message}`);
    if (err instanceof UsageError) console.error(USAGE);
    return 2;
  }
  // Everything is computed before the first line goes out, so a bad file never prints half.
  if (lines.length > 0) process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
