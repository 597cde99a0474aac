import { askBackground } from "../messaging/protocol.ts";
import type { Feature } from "./feature.ts";
import { ReviewDraftsPage } from "./review-drafts/controller.ts";
import { watchUrl } from "./url-changes.ts";

/**
 * Review-reply drafts on review-management pages (千牛 评价管理, 拼多多 商品评价): per review a panel with the
 * detected sentiment, topics, an editable draft with the language lint and 插入回复框; a page bar with
 * 全部生成草稿 and 评价问题统计. Nothing is ever submitted. The background decides whether a URL is a review page
 * (team profile overrides) and does the analysis; this side only reads the DOM and shows the UI.
 */
export const reviewDrafts: Feature = {
  id: "review-drafts",
  start(ctx) {
    let page: ReviewDraftsPage | undefined;
    let checkedUrl = "";
    const check = async (url: string) => {
      if (url === checkedUrl) return;
      checkedUrl = url;
      let answer: Awaited<ReturnType<typeof askBackground<"reviews.page">>>;
      try {
        answer = await askBackground("reviews.page", { url });
      } catch (err) {
        console.warn("[kefu] review drafts: background did not answer", err);
        checkedUrl = ""; // try again on the next navigation
        return;
      }
      if (ctx.isInvalid || location.href !== url) return;
      if (page && answer.profile?.id === page.profile.id) return;
      page?.stop();
      page = undefined;
      if (!answer.profile) return;
      page = new ReviewDraftsPage({
        profile: answer.profile,
        topicLabels: answer.topicLabels,
        problems: answer.problems,
        ask: askBackground,
      });
      page.start();
    };
    // Seller back offices are single-page apps: the review list may be reached without a page load.
    watchUrl(ctx, (url) => void check(url));
    ctx.onInvalidated(() => {
      page?.stop();
      page = undefined;
    });
    // Not awaited: the other features need not wait for the background's answer.
    void check(location.href);
  },
};
