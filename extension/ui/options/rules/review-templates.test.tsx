import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultTeamSettings } from "../../../../shared/phrases/schema.ts";
import { DEFAULT_REVIEW_TEMPLATES, parseReviewTemplateSettings } from "../../../../shared/reviews/templates.ts";
import { ReviewTemplatesEditor } from "./ReviewTemplatesEditor.tsx";
import { click, setup, type } from "./test-kit.tsx";

describe("评价模板 editor", () => {
  let kit: ReturnType<typeof setup>;
  beforeEach(() => {
    kit = setup();
  });
  afterEach(() => kit.unmount());
  const settings = { ...defaultTeamSettings("小美的店") };
  const slot = (key: string) => kit.get<HTMLTextAreaElement>(`review-slot-${key}`);

  it("shows the defaults, the variables hint and a preview draft of the sample review", async () => {
    await kit.mount(<ReviewTemplatesEditor settings={settings} isAdmin pending={false} />);
    expect(slot("opening").value).toBe(DEFAULT_REVIEW_TEMPLATES.negative.opening.join("\n"));
    expect(kit.get("review-variables").textContent).toContain("{商品}");
    expect(kit.get("review-variables").textContent).toContain("{买家}");
    expect(kit.get("review-variables").textContent).toContain("{店铺}");
    expect(kit.get("review-preview-draft").textContent?.length).toBeGreaterThan(30);
  });

  it("an edited closing shows in the preview with variables filled, and only that slot is saved", async () => {
    await kit.mount(<ReviewTemplatesEditor settings={settings} isAdmin pending={false} />);
    await click(kit.get("review-sentiment-positive"));
    await type(slot("closing"), "{店铺}欢迎{买家}再来买{商品}！");
    expect(kit.get("review-preview-draft").textContent).toContain("小美的店欢迎小明再来买纯棉短袖T恤！");
    await type(kit.get("review-sample"), "物流很快，包装也好");
    expect(kit.get("review-preview-draft").textContent).toContain("小美的店欢迎小明再来买");
    await click(kit.get("rules-reviews-save"));
    expect(kit.saves).toEqual([
      {
        patch: { reviewTemplates: { positive: { closing: ["{店铺}欢迎{买家}再来买{商品}！"] } } },
        seen: { reviewTemplates: {} },
      },
    ]);
    expect(parseReviewTemplateSettings(kit.saves[0]?.patch.reviewTemplates).positive.closing).toEqual([
      "{店铺}欢迎{买家}再来买{商品}！",
    ]);
  });

  it("a topic line edit is saved under topics; an emptied required slot is named and nothing sent", async () => {
    const team = { ...settings, reviewTemplates: { negative: { topics: { size: ["尺码问题我们来处理。"] } } } };
    await kit.mount(<ReviewTemplatesEditor settings={team} isAdmin pending={false} />);
    expect(slot("topic:size").value).toBe("尺码问题我们来处理。");
    await type(slot("opening"), "  \n");
    await click(kit.get("rules-reviews-save"));
    expect(kit.get("rules-reviews-error").textContent).toBe(
      "评价模板 · 差评 · 开头（安抚/致谢）：至少写一句 · at least one line",
    );
    expect(kit.saves).toEqual([]);
    await click(kit.get("review-slot-opening-restore"));
    await click(kit.get("review-slot-topic:size-restore"));
    await type(slot("topic:color"), "色差我们会核对。");
    await click(kit.get("rules-reviews-save"));
    expect(kit.saves[0]?.patch).toEqual({ reviewTemplates: { negative: { topics: { color: ["色差我们会核对。"] } } } });
    expect(kit.saves[0]?.seen).toEqual({ reviewTemplates: team.reviewTemplates });
  });

  it("agents read only; hostile template text is shown as text", async () => {
    const hostile = { ...settings, reviewTemplates: { negative: { closing: ["<img src=x onerror=alert(1)>谢谢"] } } };
    await kit.mount(<ReviewTemplatesEditor settings={hostile} isAdmin={false} pending={false} />);
    expect(slot("closing").disabled).toBe(true);
    expect(kit.find("rules-reviews-save")).toBeNull();
    expect(kit.find("review-slot-closing-restore")).toBeNull();
    expect(kit.get("review-preview-draft").textContent).toContain("<img src=x onerror=alert(1)>谢谢");
    expect(kit.root.querySelector("img")).toBeNull();
  });
});
