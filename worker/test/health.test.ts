import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { KEFU_VERSION } from "../../shared/version.ts";

describe("GET /health", () => {
  it("answers 200 with ok and the version, without auth", async () => {
    const res = await exports.default.fetch("http://kefu.test/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ ok: true, version: KEFU_VERSION });
  });

  it("sends secure headers", async () => {
    const res = await exports.default.fetch("http://kefu.test/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("sends secure headers and a JSON error body on refusals too", async () => {
    const cases: [string, RequestInit, number, string][] = [
      ["http://kefu.test/v1/sync", {}, 401, "unauthorized"],
      ["http://kefu.test/v1/sync", { method: "PATCH", headers: { authorization: "Bearer x" } }, 401, "unauthorized"],
      ["http://kefu.test/health", { method: "PATCH" }, 404, "not_found"],
    ];
    for (const [url, init, status, code] of cases) {
      const res = await exports.default.fetch(url, init);
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
    }
  });

  it("answers unknown paths with a JSON 404", async () => {
    const res = await exports.default.fetch("http://kefu.test/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
