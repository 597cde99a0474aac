import { describe, expect, it } from "vitest";
import { type CustomSitesApi, planCustomSites, syncCustomSites } from "./custom-sites.ts";

describe("planCustomSites (registration diffing)", () => {
  it("registers when nothing is registered and there is something to run on", () => {
    expect(planCustomSites(undefined, ["https://b.example.com/*", "https://a.example.com/*"])).toEqual({
      kind: "register",
      matches: ["https://a.example.com/*", "https://b.example.com/*"],
    });
    expect(planCustomSites(undefined, [])).toEqual({ kind: "keep" });
  });

  it("keeps the same set in any order, updates a changed one, unregisters when none is left", () => {
    expect(
      planCustomSites(
        ["https://b.example.com/*", "https://a.example.com/*"],
        ["https://a.example.com/*", "https://b.example.com/*"],
      ),
    ).toEqual({ kind: "keep" });
    expect(planCustomSites(["https://a.example.com/*"], ["https://a.example.com/*", "http://c.cn/*"])).toEqual({
      kind: "update",
      matches: ["http://c.cn/*", "https://a.example.com/*"],
    });
    expect(planCustomSites(["https://a.example.com/*", "http://c.cn/*"], ["http://c.cn/*"])).toEqual({
      kind: "update",
      matches: ["http://c.cn/*"],
    });
    expect(planCustomSites(["https://a.example.com/*"], [])).toEqual({ kind: "unregister" });
  });

  it("ignores duplicates in the wanted list", () => {
    expect(planCustomSites(["http://c.cn/*"], ["http://c.cn/*", "http://c.cn/*"])).toEqual({ kind: "keep" });
  });
});

/** Behaves like chrome.scripting for one script id: register fails when it exists, update when it does not. */
function fakeChrome(patterns: string[], grantedOrigins: string[], options: { refuse?: string } = {}) {
  const state = {
    injected: [] as string[][],
    patterns,
    granted: new Set(grantedOrigins),
    registered: undefined as string[] | undefined,
    calls: [] as string[],
  };
  const check = (matches: string[]) => {
    if (options.refuse && matches.includes(options.refuse)) throw new Error(`Invalid url pattern '${options.refuse}'`);
  };
  const api: CustomSitesApi = {
    patterns: async () => state.patterns,
    granted: async (pattern) => state.granted.has(pattern),
    registeredMatches: async () => state.registered,
    register: async (matches) => {
      state.calls.push("register");
      if (state.registered) throw new Error("Duplicate script ID");
      check(matches);
      state.registered = matches;
    },
    update: async (matches) => {
      state.calls.push("update");
      if (!state.registered) throw new Error("No script with ID");
      check(matches);
      state.registered = matches;
    },
    unregister: async () => {
      state.calls.push("unregister");
      state.registered = undefined;
    },
    injectOpenTabs: async (matches) => {
      state.injected.push(matches);
    },
  };
  return { state, api };
}

describe("syncCustomSites", () => {
  it("registers only the patterns this browser allows and reports the others", async () => {
    const { state, api } = fakeChrome(
      ["https://crm.example.com/*", "http://erp.example.cn/*"],
      ["https://crm.example.com/*"],
    );
    const status = await syncCustomSites(api);
    expect(state.registered).toEqual(["https://crm.example.com/*"]);
    expect(status.active).toEqual(["https://crm.example.com/*"]);
    expect(status.needPermission).toEqual(["http://erp.example.cn/*"]);
    expect(status.error).toBeUndefined();
  });

  it("follows the team's list and the permissions: add, grant, remove, remove all", async () => {
    const { state, api } = fakeChrome(
      ["https://a.example.com/*"],
      ["https://a.example.com/*", "http://b.example.cn/*"],
    );
    await syncCustomSites(api);
    await syncCustomSites(api);
    expect(state.calls).toEqual(["register"]);
    state.patterns = ["https://a.example.com/*", "http://b.example.cn/*", "http://c.example.cn/*"];
    await syncCustomSites(api);
    expect(state.registered).toEqual(["http://b.example.cn/*", "https://a.example.com/*"]);
    state.granted.add("http://c.example.cn/*");
    await syncCustomSites(api);
    expect(state.registered).toHaveLength(3);
    state.patterns = ["http://c.example.cn/*"];
    await syncCustomSites(api);
    expect(state.registered).toEqual(["http://c.example.cn/*"]);
    state.patterns = [];
    const status = await syncCustomSites(api);
    expect(state.registered).toBeUndefined();
    expect(status).toMatchObject({ active: [], needPermission: [] });
    expect(state.calls).toEqual(["register", "update", "update", "update", "unregister"]);
    // Open tabs get the script only for patterns that were not registered before.
    expect(state.injected).toEqual([["https://a.example.com/*"], ["http://b.example.cn/*"], ["http://c.example.cn/*"]]);
  });

  it("a permission check that throws counts as not allowed", async () => {
    const { state, api } = fakeChrome(["https://a.example.com/*"], []);
    api.granted = async () => {
      throw new Error("boom");
    };
    const status = await syncCustomSites(api);
    expect(state.registered).toBeUndefined();
    expect(status.needPermission).toEqual(["https://a.example.com/*"]);
  });

  it("when Chrome refuses the set it says why and registers nothing", async () => {
    const { state, api } = fakeChrome(
      ["https://a.example.com/*", "https://b.example.com/*"],
      ["https://a.example.com/*", "https://b.example.com/*"],
      {
        refuse: "https://b.example.com/*",
      },
    );
    const status = await syncCustomSites(api);
    expect(status.error).toContain("https://b.example.com/*");
    expect(status.active).toEqual([]);
    expect(state.registered).toBeUndefined();
  });
});
