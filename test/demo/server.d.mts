/** Types for server.mjs (plain JS so `node test/demo/server.mjs` runs without a build). */
export interface DemoServer {
  /** e.g. "http://127.0.0.1:8790/" (always ends with "/"). */
  url: string;
  port: number;
  close(): Promise<void>;
}
export function startDemoServer(options?: { port?: number; host?: string }): Promise<DemoServer>;
