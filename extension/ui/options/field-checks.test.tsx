import { render } from "preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { maxLengthRule, parseRule, patternRule, requiredRule, useFieldChecks } from "./field-checks.tsx";
import { byTestIdIn, mountRoot, submitForm, typeInto, unmountRoot } from "./test-dom.ts";

const CODE = { zh: "快捷编码", en: "quick code" };

describe("field rules", () => {
  it("say what is wrong in Chinese first, English second", () => {
    expect(requiredRule(CODE)("  ")).toBe("请填写快捷编码 (quick code required)");
    expect(requiredRule(CODE)(" hd ")).toBeUndefined();
    expect(maxLengthRule(CODE, 3)("abcd")).toBe(
      "快捷编码最多 3 个字，现在 4 个 (quick code: at most 3 characters, now 4)",
    );
    expect(maxLengthRule(CODE, 3)("abc")).toBeUndefined();
    const digits = patternRule(/^\d+$/, "只能是数字 (digits only)");
    expect(digits("12a")).toBe("只能是数字 (digits only)");
    expect(digits("")).toBeUndefined(); // an empty value is required()'s business
    const parsed = parseRule((value) => {
      if (!value.startsWith("https://")) throw new Error("须以 https:// 开头 (must start with https://)");
    });
    expect(parsed("http://x")).toBe("须以 https:// 开头 (must start with https://)");
    expect(parsed("https://x")).toBeUndefined();
    expect(parsed("")).toBeUndefined();
  });
});

/** A two-field form using the hook, as the options forms do. */
function TwoFields({ onSave }: { onSave: (values: { first: string; second: string }) => void }) {
  const [first, setFirst] = useState("");
  const [second, setSecond] = useState("");
  const checks = useFieldChecks(
    { first: [requiredRule({ zh: "第一项", en: "first" })], second: [requiredRule({ zh: "第二项", en: "second" })] },
    { first, second },
  );
  return (
    <form
      data-testid="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (checks.check(event.currentTarget)) onSave({ first, second });
      }}
    >
      <input
        data-testid="first"
        {...checks.field("first")}
        value={first}
        onInput={(e) => setFirst(e.currentTarget.value)}
      />
      {checks.error("first")}
      <input
        data-testid="second"
        {...checks.field("second")}
        value={second}
        onInput={(e) => setSecond(e.currentTarget.value)}
      />
      {checks.error("second")}
    </form>
  );
}

describe("useFieldChecks", () => {
  let root: HTMLElement;
  afterEach(() => unmountRoot(root));

  it("marks every bad field, focuses the first, keeps what was typed, and clears a message once fixed", async () => {
    root = mountRoot();
    const onSave = vi.fn();
    render(<TwoFields onSave={onSave} />, root);
    const first = byTestIdIn<HTMLInputElement>(root, "first");
    const second = byTestIdIn<HTMLInputElement>(root, "second");
    await typeInto(second, "  ");
    await submitForm(byTestIdIn(root, "form"));
    expect(onSave).not.toHaveBeenCalled();
    expect(byTestIdIn(root, "field-error-first")?.textContent).toBe("请填写第一项 (first required)");
    expect(byTestIdIn(root, "field-error-second")?.textContent).toBe("请填写第二项 (second required)");
    expect(first?.getAttribute("aria-invalid")).toBe("true");
    expect(first?.getAttribute("aria-describedby")).toBe(byTestIdIn(root, "field-error-first")?.id);
    expect(document.activeElement).toBe(first);
    expect(second?.value).toBe("  ");

    await typeInto(first, "好");
    expect(byTestIdIn(root, "field-error-first")).toBeNull();
    expect(first?.hasAttribute("aria-invalid")).toBe(false);
    expect(byTestIdIn(root, "field-error-second")).not.toBeNull(); // still wrong, still said

    await submitForm(byTestIdIn(root, "form"));
    expect(document.activeElement).toBe(second);
    await typeInto(second, "行");
    await submitForm(byTestIdIn(root, "form"));
    expect(onSave).toHaveBeenCalledWith({ first: "好", second: "行" });
    expect(root.querySelector("[aria-invalid]")).toBeNull();
  });

  it("shows nothing before the first submit, however the fields look", async () => {
    root = mountRoot();
    render(<TwoFields onSave={() => {}} />, root);
    await typeInto(byTestIdIn(root, "first"), "");
    expect(root.querySelector(".field-error")).toBeNull();
    expect(root.querySelector("[aria-invalid]")).toBeNull();
  });
});
