/**
 * Site profiles (what to read on which seller page) and the normalisers that turn what a page shows into `Order`.
 *
 *   const { profiles, problems } = resolveProfiles(teamSettings.siteProfiles);
 *   const profile = profileForUrl(profiles, location.href);
 *   buildOrder(raw, { fields: profile.fields, items: profile.items?.fields }, profile.platform, { nowMs });
 *   ordersFromJson(responseBody, profile, { nowMs });
 */
export { BUILTIN_PROFILES } from "./builtin.ts";
export * from "./normalize.ts";
export { buildOrder, DEFAULT_NORMALIZER, ordersFromJson, type RawOrder, rawOrdersFromJson, readPath } from "./order.ts";
export { pageClock, parseSiteProfile, profileForUrl, type ResolvedProfiles, resolveProfiles } from "./resolve.ts";
export * from "./schema.ts";
