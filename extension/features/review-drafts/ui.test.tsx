import { render } from "preact";
import { describe, expect, it } from "vitest";
import { TOPIC_LABELS, tallyReviews } from "../../../shared/reviews/index.ts";
import { PageBar, ReviewPanel, tallyText } from "./ui.tsx";

const reviews = [
  { id: "a", rating: 1, text: "快递太慢了，等了一周" },
  { id: "b", rating: 2, text: "物流太慢，包装也破了" },
  { id: "c", rating: 5, text: "质量很好，物流很快" },
];

describe("tallyText", () => {
  it("lists topics, most complaints first, with one example each", () => {
    const text = tallyText(tallyReviews(reviews), TOPIC_LABELS);
    const lines = text.split("\n");
    expect(lines[0]).toBe("共 3 条：好评 1 · 中评 0 · 差评 2（按内容判断）");
    expect(lines[1]).toMatch(/^物流：负面 2，中性 0，正面 1；例：/);
    expect(text).toContain("质量：");
  });
});

describe("ReviewPanel", () => {
  it("renders hostile text as text and names the stars when they disagree with the text", () => {
    const root = document.createElement("div");
    const hostile = "<img src=x onerror=alert(1)>";
    render(
      <ReviewPanel
        reviewId="R1"
        rating={5}
        state={{
          draft: hostile,
          edited: true,
          busy: false,
          result: {
            sentiment: "negative",
            score: -0.8,
            topics: [{ id: "shipping", sentiment: "negative", evidence: hostile }],
            draft: "",
            lint: [],
          },
          lint: { text: hostile, findings: [] },
        }}
        topicLabels={TOPIC_LABELS}
        maxLength={500}
        hasReplyBox={false}
        onEdit={() => {}}
        onInsert={() => {}}
        onRegenerate={() => {}}
      />,
      root,
    );
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("textarea")?.value).toBe(hostile);
    expect(root.querySelector('[data-kefu="review-star-note"]')?.textContent).toContain("5星=好评");
    expect(root.querySelector('[data-kefu="review-topic"]')?.getAttribute("title")).toBe(hostile);
    expect((root.querySelector('[data-kefu="review-insert"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows the bar's problems and the tally table only when open", () => {
    const root = document.createElement("div");
    const props = {
      count: 3,
      busy: false,
      fillEmpty: false,
      status: "",
      problems: ["评价页配置 x 无效"],
      tally: tallyReviews(reviews),
      tallyOpen: false,
      topicLabels: TOPIC_LABELS,
      onToggleFill() {},
      onDraftAll() {},
      onTally() {},
      onCopyTally() {},
    };
    render(<PageBar {...props} />, root);
    expect(root.textContent).toContain("评价页配置 x 无效");
    expect(root.querySelector('[data-kefu="review-tally"]')).toBeNull();
    render(<PageBar {...props} tallyOpen />, root);
    expect(root.querySelector('tr[data-topic="shipping"] [data-count="negative"]')?.textContent).toBe("2");
  });
});
