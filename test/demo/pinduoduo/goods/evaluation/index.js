// 拼多多 评价管理 (商品评价): fetches the demo reviews and renders the beast-core table. Replying only marks the row
// "已回复" locally (there is no server), like the real page after its request succeeds.
import { demoNow, showError } from "../../../lib/dom.js";
import { reviewTable } from "./render.js";

const table = document.getElementById("pdd-evaluation-table");

async function main() {
  const response = await fetch("/data/pinduoduo-reviews.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`评价数据加载失败 HTTP ${response.status}`);
  const { reviews } = await response.json();
  table.replaceChildren(reviewTable(reviews, demoNow()));
  table.setAttribute("aria-busy", "false");
}

main().catch((error) => showError(table, error));
