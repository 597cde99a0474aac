import { render } from "preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_LINT_SETTINGS, type LintFinding, lintText } from "../../../shared/lint/index.ts";
import { insertText } from "../../insert/index.ts";
import { findingTarget, LintPanel, replacementOf } from "./lint-panel.tsx";

const root = document.createElement("div");
document.body.append(root);
afterEach(() => {
  render(null, root);
  for (const el of document.querySelectorAll("[data-test-box]")) el.remove();
});

function only(text: string, settings = DEFAULT_LINT_SETTINGS): LintFinding {
  const findings = lintText(text, settings);
  expect(findings).toHaveLength(1);
  return findings[0] as LintFinding;
}

describe("replacementOf", () => {
  it("offers a banned phrase's listed wording as the replacement", () => {
    expect(replacementOf(only("这个我不知道"))).toBe("这个问题我马上帮您确认一下,请稍等哦");
    expect(replacementOf(only("这不可能"))).toBe("我马上帮您核实一下");
  });

  it("offers nothing for advice: blanks to fill, quoted examples, bare negatives, generic hints", () => {
    expect(only("不行").suggestion).toContain("……");
    expect(replacementOf(only("不行"))).toBeUndefined();
    expect(replacementOf(only("这款是最好的"))).toBeUndefined(); // 换成具体、可证实的描述,如「…」
    expect(replacementOf(only("定制商品不能退。"))).toBeUndefined();
    const team = { ...DEFAULT_LINT_SETTINGS, bannedPhrases: [{ text: "你随便" }] };
    expect(replacementOf(only("你随便", team))).toBeUndefined(); // the lint's generic 换成礼貌、负责的说法…
  });

  it("offers a team's own plain wording for a superlative", () => {
    const team = { ...DEFAULT_LINT_SETTINGS, superlatives: [{ text: "全网最低", suggestion: "很实惠" }] };
    expect(replacementOf(only("这个价格全网最低", team))).toBe("很实惠");
  });
});

describe("findingTarget", () => {
  function textarea(value: string): HTMLTextAreaElement {
    const box = document.createElement("textarea");
    box.setAttribute("data-test-box", "");
    box.value = value;
    document.body.append(box);
    return box;
  }

  it("addresses a text field by the lint's offsets, and the picker's insert replaces exactly those words", () => {
    const box = textarea("亲，我不知道呢");
    const finding = only(box.value);
    const target = findingTarget(box, box.value, finding);
    expect(target).toEqual({ kind: "field", start: 2, end: 6 });
    insertText(box, target as NonNullable<typeof target>, replacementOf(finding) as string);
    expect(box.value).toBe("亲，这个问题我马上帮您确认一下,请稍等哦呢");
  });

  it("offers nothing once the field no longer holds the linted text", () => {
    const box = textarea("亲，我不知道呢");
    const finding = only(box.value);
    box.value = "亲，我也不知道呢";
    expect(findingTarget(box, "亲，我不知道呢", finding)).toBeUndefined();
    // A finding that does not match the linted text (stale offsets) is refused too.
    expect(findingTarget(box, "亲，我也不知道呢", finding)).toBeUndefined();
  });

  // biome-ignore lint/performance/useDomNodeTextContent: the feature lints innerText, so the tests read the same
  const seen = (el: HTMLElement) => el.innerText;

  function editable(html: string): HTMLElement {
    const box = document.createElement("div");
    box.setAttribute("data-test-box", "");
    box.contentEditable = "true";
    box.innerHTML = html;
    document.body.append(box);
    return box;
  }

  it("finds the same occurrence in a contenteditable's text nodes", () => {
    const box = editable("<span>我不知道，</span>真的我不知道");
    const text = seen(box);
    const second = lintText(text).filter((f) => f.text === "我不知道")[1] as LintFinding;
    const target = findingTarget(box, text, second);
    expect(target?.kind).toBe("range");
    if (target?.kind !== "range") return;
    expect(target.range.startContainer.textContent).toBe("真的我不知道");
    expect([target.range.startOffset, target.range.endOffset]).toEqual([2, 6]);
    insertText(box, target, "我帮您确认");
    expect(box.textContent).toBe("我不知道，真的我帮您确认");
  });

  it("offers nothing when the words span elements in a contenteditable", () => {
    const box = editable("好吧我<b>不</b>知道，我不知道");
    const text = seen(box);
    expect(text).toBe("好吧我不知道，我不知道");
    for (const finding of lintText(text).filter((f) => f.text === "我不知道")) {
      expect(findingTarget(box, text, finding)).toBeUndefined();
    }
  });
});

describe("LintPanel", () => {
  function show(text: string, canReplace = true) {
    const onReplace = vi.fn();
    const findings = lintText(text);
    render(
      <LintPanel text={text} findings={findings} style="" canReplace={() => canReplace} onReplace={onReplace} />,
      root,
    );
    return { findings, onReplace, rows: [...root.querySelectorAll<HTMLElement>('[data-kefu="lint-finding"]')] };
  }

  it("shows each finding's words highlighted, why in Chinese then English, and the suggestion", () => {
    const { rows } = show("不行，这个我不知道");
    expect(rows).toHaveLength(2);
    const row = rows[1] as HTMLElement;
    expect(row.querySelector("mark")?.textContent).toBe("我不知道");
    expect(row.querySelector(".ctx")?.textContent).toBe("不行，这个我不知道");
    const why = row.querySelector(".why")?.textContent ?? "";
    expect(why).toMatch(/^服务禁语.+ · banned service phrase$/);
    expect(row.querySelector(".suggest")?.textContent).toBe("建议：这个问题我马上帮您确认一下,请稍等哦替换 (replace)");
    // 不行's suggestion has a blank to fill: advice only, no button.
    expect(rows[0]?.querySelector('[data-kefu="lint-replace"]')).toBeNull();
  });

  it("calls onReplace with the finding; the button keeps the caret in the page's box", () => {
    const { findings, onReplace } = show("这个我不知道");
    const button = root.querySelector<HTMLButtonElement>('[data-kefu="lint-replace"]') as HTMLButtonElement;
    const down = new MouseEvent("mousedown", { bubbles: true, cancelable: true });
    button.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    button.click();
    expect(onReplace).toHaveBeenCalledWith(findings[0]);
  });

  it("has no 替换 when the box no longer allows it, and says so when nothing is off", () => {
    show("这个我不知道", false);
    expect(root.querySelector('[data-kefu="lint-replace"]')).toBeNull();
    show("好的，马上为您安排");
    expect(root.querySelector(".note")?.textContent).toBe("没有发现问题 (no issues found)");
  });

  it("shows hostile text from the box as text", () => {
    const text = "<img src=x onerror=alert(1)>我不知道<script>x()</script>";
    show(text);
    expect(root.querySelector("img, script")).toBeNull();
    expect(root.querySelector(".ctx")?.textContent).toBe("…or=alert(1)>我不知道<script>x()<");
  });
});
