/** Bindings of the Kefu Kit Worker, typed once for every route. */
export interface Env {
  KEFU_KV: KVNamespace;
  ALLOWED_ORIGINS: string;
}

export type AppEnv = { Bindings: Env };
