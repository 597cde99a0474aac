/** Creates the demo team 演示旗舰店 with its agents and the starter library on a running Worker. */
export function seedDemoTeam(
  url: string,
  bootstrapSecret: string,
): Promise<{ teamId: string; teamName?: string; adminToken: string; agentToken: string; agentToken2: string }>;
