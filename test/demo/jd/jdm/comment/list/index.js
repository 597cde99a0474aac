// 京东 京麦 评价管理: fetches the demo reviews and renders the antd table. Replying only marks the row "已回复"
// locally (there is no server), like the real page after its request succeeds.
import { demoNow, showError } from "../../../../lib/dom.js";
import { reviewTable } from "./render.js";

const root = document.getElementById("jd-comment-list");

async function main() {
  const response = await fetch("/data/jd-reviews.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`评价数据加载失败 HTTP ${response.status}`);
  const { reviews } = await response.json();
  root.replaceChildren(reviewTable(reviews, demoNow()));
  root.setAttribute("aria-busy", "false");
}

main().catch((error) => showError(root, error));
