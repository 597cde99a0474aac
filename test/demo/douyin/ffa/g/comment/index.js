// 抖店 评价管理: fetches the demo reviews and renders the cards. Replying only marks the card "已回复" locally
// (there is no server), like the real page after its request succeeds.
import { demoNow, showError } from "../../../../lib/dom.js";
import { reviewCards } from "./render.js";

const list = document.getElementById("dy-comment-list");

async function main() {
  const response = await fetch("/data/douyin-reviews.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`评价数据加载失败 HTTP ${response.status}`);
  const { reviews } = await response.json();
  list.replaceChildren(...reviewCards(reviews, demoNow()));
  list.setAttribute("aria-busy", "false");
}

main().catch((error) => showError(list, error));
