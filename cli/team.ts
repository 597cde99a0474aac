/**
 * `kefu team …`: manage a team on a Kefu Kit Worker. JSON on stdout, errors on stderr.
 *   kefu team create --url URL --secret BOOTSTRAP --name 店铺名 [--admin-name 店长]
 *   kefu team token  --url URL --token ADMIN --role agent|admin --name 小王 [--agent-id ID]
 *   kefu team revoke --url URL --token ADMIN --id TOKEN_ID
 *   kefu team tokens --url URL --token ADMIN
 *   kefu team me     --url URL --token TOKEN
 * --url / --token / --secret default to $KEFU_URL / $KEFU_TOKEN / $KEFU_BOOTSTRAP_SECRET.
 * Exit codes: 0 done, 1 the Worker refused or could not be reached, 2 bad arguments.
 */
import { parseArgs } from "node:util";
import type { ApiError } from "../shared/api.ts";

const USAGE = `用法 Usage:
  kefu team create --url URL --secret BOOTSTRAP --name 店铺名 [--admin-name 店长]   创建团队 / create a team
  kefu team token  --url URL --token ADMIN --role agent|admin --name 小王 [--agent-id ID]   发放令牌 / mint a token
  kefu team revoke --url URL --token ADMIN --id TOKEN_ID   吊销令牌 / revoke a token
  kefu team tokens --url URL --token ADMIN                 列出令牌 / list tokens
  kefu team me     --url URL --token TOKEN                 查看身份 / who am I
  --url, --token, --secret 默认取 KEFU_URL, KEFU_TOKEN, KEFU_BOOTSTRAP_SECRET`;

class UsageError extends Error {}

/** Calls the Worker; throws with the API's own error message (code and text) on failure. */
export async function api<T>(url: string, method: string, path: string, bearer: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url.endsWith("/") ? url : `${url}/`), {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new Error(`无法连接 Cannot reach ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${path}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
  }
  if (!res.ok) {
    const error = (data as Partial<ApiError>).error;
    throw new Error(
      `${method} ${path}: HTTP ${res.status} ${error?.code ?? ""}: ${error?.message ?? text.slice(0, 200)}`,
    );
  }
  return data as T;
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`缺少 missing --${flag}`);
  return value;
}

export async function run(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    process.stderr.write(`kefu team: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const { command, values } = parsed;
  if (!command || values.help) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  try {
    const url = need(values.url ?? process.env.KEFU_URL, "url");
    // Tokens travel in the Authorization header: plain http only to this machine (wrangler dev).
    if (!/^https:\/\//.test(url) && !/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(url)) {
      throw new UsageError("--url must be https:// (http:// only for 127.0.0.1 / localhost)");
    }
    const token = () => need(values.token ?? process.env.KEFU_TOKEN, "token");
    let result: unknown;
    switch (command) {
      case "create":
        result = await api(
          url,
          "POST",
          "v1/teams",
          need(values.secret ?? process.env.KEFU_BOOTSTRAP_SECRET, "secret"),
          {
            name: need(values.name, "name"),
            ...(values["admin-name"] ? { adminName: values["admin-name"] } : {}),
          },
        );
        break;
      case "token": {
        const role = need(values.role, "role");
        if (role !== "agent" && role !== "admin") throw new UsageError("--role must be agent or admin");
        result = await api(url, "POST", "v1/tokens", token(), {
          role,
          name: need(values.name, "name"),
          ...(values["agent-id"] ? { agentId: values["agent-id"] } : {}),
        });
        break;
      }
      case "revoke":
        result = await api(url, "DELETE", `v1/tokens/${encodeURIComponent(need(values.id, "id"))}`, token());
        break;
      case "tokens":
        result = await api(url, "GET", "v1/tokens", token());
        break;
      case "me":
        result = await api(url, "GET", "v1/me", token());
        break;
      default:
        throw new UsageError(`未知子命令 unknown subcommand "${command}"`);
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`kefu team: ${err instanceof Error ? err.message : String(err)}\n`);
    if (err instanceof UsageError) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    return 1;
  }
}

function parse(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: "string" },
      secret: { type: "string" },
      token: { type: "string" },
      name: { type: "string" },
      "admin-name": { type: "string" },
      role: { type: "string" },
      id: { type: "string" },
      "agent-id": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  return { command: positionals[0], values };
}
