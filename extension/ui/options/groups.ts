import { PERSONAL_GROUP_ID } from "../../store/edits.ts";
import type { GroupView } from "../../store/view.ts";

export const PERSONAL_GROUP_LABEL = "未分组 · No group";
export const UNKNOWN_GROUP_LABEL = "（分组已删除）· Deleted group";

export function groupName(groups: GroupView[], id: string): string {
  if (id === PERSONAL_GROUP_ID) return PERSONAL_GROUP_LABEL;
  return groups.find((group) => group.id === id)?.name ?? UNKNOWN_GROUP_LABEL;
}
