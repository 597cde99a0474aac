/**
 * 评价模板 · Review templates: per sentiment (好评/中评/差评) the opening, a line per topic, the general line and
 * the complaint steps, several wordings each (one a line; the review id picks one). A sample review shows the
 * draft the real drafting (shared/reviews draftReply) makes with the edited templates. Saved as `reviewTemplates`.
 */
import { useMemo, useState } from "preact/hooks";
import type { Sentiment } from "../../../../shared/model.ts";
import { draftReply } from "../../../../shared/reviews/draft.ts";
import { parseReviewTemplateSettings, SENTIMENTS } from "../../../../shared/reviews/templates.ts";
import { TOPIC_LABELS } from "../../../../shared/reviews/topics.ts";
import {
  buildReviewSection,
  DEFAULT_REVIEW_DRAFT,
  reviewDraftFromSection,
  reviewSectionOf,
  SENTIMENT_LABELS,
  SLOT_KEYS,
  slotLabel,
} from "./review-fields.ts";
import { DefaultHint, SectionFrame, type SectionProps, useSectionDraft } from "./section.tsx";

const SAMPLES: Record<Sentiment, { rating: number; text: string }> = {
  positive: { rating: 5, text: "质量很好，物流也快，客服很耐心！" },
  neutral: { rating: 3, text: "还行吧，颜色和图片有点色差。" },
  negative: { rating: 1, text: "尺码偏小，穿着磨脚，质量太差了" },
};

export function ReviewTemplatesEditor({ settings, isAdmin, pending }: SectionProps) {
  const editor = useSectionDraft(settings.reviewTemplates, reviewDraftFromSection);
  const { draft, edit } = editor;
  const [sentiment, setSentiment] = useState<Sentiment>("negative");
  const [sample, setSample] = useState(SAMPLES);
  const review = { id: "preview", buyer: "小明", item: "纯棉短袖T恤", ...sample[sentiment] };
  const preview = useMemo(() => {
    // Bad parts fall back to the default here, as in the real drafting; the save names them.
    const templates = parseReviewTemplateSettings(reviewSectionOf(draft));
    return draftReply(review, { templates, shopName: settings.shopName });
  }, [draft, review.text, review.rating, settings.shopName]);

  return (
    <SectionFrame
      id="reviews"
      title="评价模板 · Review templates"
      intro="评价回复草稿由这些模板拼成：开头 + 评价提到的话题 + 结尾（差评另加解决和道歉）。每行一种说法，按评价轮换。"
      isAdmin={isAdmin}
      pending={pending}
      editor={editor}
      onSave={() => editor.save("reviewTemplates", buildReviewSection)}
    >
      <p class="muted" data-testid="review-variables">
        可用变量 · Variables：{"{商品}"} {"{买家}"} {"{店铺}"}（以及 {"{照片}"}
        ）。方括号里的部分在变量没有值时整段省略，如 「感谢您[对{"{店铺}"}]的支持」。
      </p>
      <div class="row tabs" role="tablist">
        {SENTIMENTS.map((id) => (
          <button
            type="button"
            role="tab"
            key={id}
            aria-selected={id === sentiment}
            class={id === sentiment ? "tab" : "tab secondary"}
            data-testid={`review-sentiment-${id}`}
            onClick={() => setSentiment(id)}
          >
            {SENTIMENT_LABELS[id]}
          </button>
        ))}
      </div>
      <div class="rules-two">
        <div class="rules-slots">
          {SLOT_KEYS.map((key) => {
            const value = draft[sentiment][key];
            const fallback = DEFAULT_REVIEW_DRAFT[sentiment][key];
            const set = (next: string) => edit((old) => ({ ...old, [sentiment]: { ...old[sentiment], [key]: next } }));
            return (
              <label class="rules-field" key={key}>
                {slotLabel(key)}
                <textarea
                  data-testid={`review-slot-${key}`}
                  rows={Math.min(6, value.split("\n").length + 1)}
                  value={value}
                  disabled={!isAdmin}
                  onInput={(e) => set(e.currentTarget.value)}
                />
                <DefaultHint
                  testId={`review-slot-${key}`}
                  shown={fallback ? `${fallback.split("\n").length} 种说法` : ""}
                  isDefault={value.trim() === fallback}
                  isAdmin={isAdmin}
                  onRestore={() => set(fallback)}
                />
              </label>
            );
          })}
        </div>
        <div class="rules-preview" data-testid="review-preview">
          <label>
            示例评价 · Sample review（{SENTIMENT_LABELS[sentiment]}，{sample[sentiment].rating} 星）
            <textarea
              data-testid="review-sample"
              rows={3}
              value={sample[sentiment].text}
              onInput={(e) => {
                const text = e.currentTarget.value;
                setSample((old) => ({ ...old, [sentiment]: { ...old[sentiment], text } }));
              }}
            />
          </label>
          <p class="muted">
            识别为 · Read as：{SENTIMENT_LABELS[preview.sentiment]}
            {preview.topics.length > 0 && `，话题：${preview.topics.map((t) => TOPIC_LABELS[t.id]).join("、")}`}
          </p>
          <p class="rules-draft" data-testid="review-preview-draft">
            {preview.text}
          </p>
        </div>
      </div>
    </SectionFrame>
  );
}
