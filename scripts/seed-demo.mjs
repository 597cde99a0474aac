// Seeds the demo team "演示旗舰店" on a running Worker: admin + two agents, the starter library, demo settings.
// Used by `npm start` (scripts/start.mjs) and the end-to-end tests. Node >= 22.18 imports the .ts directly.
import { STARTER_GROUPS, STARTER_PHRASES } from "../shared/phrases/starter.ts";

async function api(url, method, path, bearer, body) {
  const res = await fetch(`${url.replace(/\/$/, "")}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new Error(
      `seed-demo: ${method} ${path} → ${res.status} ${data?.error?.code ?? ""} ${data?.error?.message ?? ""}`,
    );
  return data;
}

/**
 * Creates the demo team with its library.
 * @param {string} url Worker base URL, e.g. http://127.0.0.1:8787
 * @param {string} bootstrapSecret the Worker's BOOTSTRAP_SECRET
 * @returns {Promise<{ teamId: string, adminToken: string, agentToken: string, agentToken2: string }>}
 */
export async function seedDemoTeam(url, bootstrapSecret) {
  const team = await api(url, "POST", "/v1/teams", bootstrapSecret, { name: "演示旗舰店", adminName: "店长" });
  const adminToken = team.adminToken;
  const agent = await api(url, "POST", "/v1/tokens", adminToken, { role: "agent", name: "小王" });
  const agent2 = await api(url, "POST", "/v1/tokens", adminToken, { role: "agent", name: "小李" });
  const groups = await api(url, "POST", "/v1/groups/batch", adminToken, {
    upserts: STARTER_GROUPS.map((group) => ({ group })),
  });
  const phrases = await api(url, "POST", "/v1/phrases/batch", adminToken, {
    upserts: STARTER_PHRASES.map((phrase) => ({ phrase })),
  });
  const conflicts = [...groups.conflicts, ...phrases.conflicts];
  if (conflicts.length > 0) throw new Error(`seed-demo: conflicts while seeding: ${JSON.stringify(conflicts)}`);
  // A personal phrase for 小王, to show personal vs team scripts.
  await api(url, "POST", "/v1/phrases/batch", agent.token, {
    upserts: [
      {
        phrase: {
          id: "demo-personal-xiaowang",
          code: "wdq",
          title: "我的签名",
          content: "我是{客服}，有问题随时找我哦～",
          groupId: "starter-g-farewell",
          tags: ["个人"],
          scope: "personal",
        },
      },
    ],
  });
  return { teamId: team.teamId, adminToken, agentToken: agent.token, agentToken2: agent2.token };
}
