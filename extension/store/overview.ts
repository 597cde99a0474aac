import {
  conflictsItem,
  connectionItem,
  exclusive,
  outboxItem,
  type SyncStatus,
  statusItem,
  usageItem,
} from "./state.ts";
import { pendingCount } from "./view.ts";

/** What the popup shows. */
export interface SyncOverview {
  status: SyncStatus;
  connected: boolean;
  shopName?: string;
  agentName?: string;
  role?: "admin" | "agent";
  pendingEdits: number;
  conflicts: number;
  queuedUsage: number;
}

export function syncOverview(): Promise<SyncOverview> {
  return exclusive(() => readOverview());
}

async function readOverview(): Promise<SyncOverview> {
  const [status, connection, outbox, conflicts, usage] = await Promise.all([
    statusItem.getValue(),
    connectionItem.getValue(),
    outboxItem.getValue(),
    conflictsItem.getValue(),
    usageItem.getValue(),
  ]);
  const overview: SyncOverview = {
    status,
    connected: connection !== null,
    pendingEdits: pendingCount(outbox),
    conflicts: conflicts.length,
    queuedUsage: Object.values(usage).reduce((sum, n) => sum + n, 0),
  };
  if (connection) {
    overview.shopName = connection.me.shopName;
    overview.agentName = connection.me.name;
    overview.role = connection.me.role;
  }
  return overview;
}
