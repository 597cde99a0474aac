/**
 * 审单规则 · Order checks: the 23 rules with on/off switches, each with the thresholds and lists it uses, the
 * default beside every field and 恢复默认 per field. Saved as the `orderRules` section.
 */
import { useMemo } from "preact/hooks";
import {
  buildOrderSection,
  type CourierRow,
  DEFAULT_ORDER_DRAFT,
  type FieldSpec,
  type OrderDraft,
  orderDraftFromSection,
  RULE_FIELDS,
  RULE_IDS,
  RULE_NAMES,
} from "./order-fields.ts";
import { DefaultHint, SectionFrame, type SectionProps, useSectionDraft } from "./section.tsx";

export function OrderRulesEditor({ settings, isAdmin, pending }: SectionProps) {
  const editor = useSectionDraft(settings.orderRules, orderDraftFromSection);
  const { draft, edit } = editor;
  const disabled = useMemo(() => new Set(draft.disabled), [draft.disabled]);
  const toggle = (id: (typeof RULE_IDS)[number], on: boolean) =>
    edit((old) => ({ ...old, disabled: on ? old.disabled.filter((x) => x !== id) : [...old.disabled, id] }));

  return (
    <SectionFrame
      id="orders"
      title="审单规则 · Order checks"
      intro="订单页上的提示按这些规则和阈值检查；关掉的规则不再提示。Thresholds and lists every agent's order overlay uses."
      isAdmin={isAdmin}
      pending={pending}
      editor={editor}
      onSave={() => editor.save("orderRules", buildOrderSection)}
    >
      <ul class="rules-list">
        {RULE_IDS.map((id) => (
          <li key={id} class={disabled.has(id) ? "off" : ""} data-testid={`order-rule-${id}`}>
            <label class="inline">
              <input
                type="checkbox"
                data-testid={`order-rule-${id}-on`}
                checked={!disabled.has(id)}
                disabled={!isAdmin}
                onChange={(e) => toggle(id, e.currentTarget.checked)}
              />
              <strong>{RULE_NAMES[id]}</strong> <code class="muted">{id}</code>
              {disabled.has(id) && <span class="badge">已关闭 · off</span>}
            </label>
            {RULE_FIELDS[id]?.map((field) => (
              <OrderField key={field.key} field={field} draft={draft} isAdmin={isAdmin} edit={edit} />
            ))}
          </li>
        ))}
      </ul>
    </SectionFrame>
  );
}

function OrderField(props: {
  field: FieldSpec;
  draft: OrderDraft;
  isAdmin: boolean;
  edit: (change: (draft: OrderDraft) => OrderDraft) => void;
}) {
  const { field, draft, isAdmin, edit } = props;
  const testId = `order-field-${field.key}`;
  if (field.kind === "couriers")
    return <CourierTable draft={draft} isAdmin={isAdmin} edit={edit} label={field.label} />;
  const key = field.key;
  const value = draft.values[key];
  const fallback = DEFAULT_ORDER_DRAFT.values[key];
  const set = (next: string) => edit((old) => ({ ...old, values: { ...old.values, [key]: next } }));
  const hint = (
    <DefaultHint
      testId={testId}
      shown={field.kind === "lines" ? fallback.split("\n").join("、") : fallback}
      isDefault={value.trim() === fallback}
      isAdmin={isAdmin}
      onRestore={() => set(fallback)}
    />
  );
  if (field.kind === "lines") {
    return (
      <label class="rules-field">
        {field.label}（每行一个 · one a line）
        <textarea
          data-testid={testId}
          rows={Math.min(6, Math.max(2, value.split("\n").length))}
          value={value}
          disabled={!isAdmin}
          onInput={(e) => set(e.currentTarget.value)}
        />
        {hint}
      </label>
    );
  }
  return (
    <label class="rules-field">
      {field.label}
      <span class="rules-input">
        <input
          data-testid={testId}
          inputMode={field.kind === "number" ? "decimal" : undefined}
          size={field.kind === "number" ? 8 : 16}
          value={value}
          disabled={!isAdmin}
          onInput={(e) => set(e.currentTarget.value)}
        />
        {field.kind === "number" && field.unit}
      </span>
      {hint}
    </label>
  );
}

function CourierTable(props: {
  draft: OrderDraft;
  isAdmin: boolean;
  label: string;
  edit: (change: (draft: OrderDraft) => OrderDraft) => void;
}) {
  const { draft, isAdmin, edit } = props;
  const setRow = (index: number, change: Partial<CourierRow>) =>
    edit((old) => ({ ...old, couriers: old.couriers.map((row, i) => (i === index ? { ...row, ...change } : row)) }));
  return (
    <div class="rules-field" data-testid="order-field-courierCoverage">
      <span class="muted rules-caption">{props.label}</span>
      {draft.couriers.length === 0 && <span class="muted rules-caption">未设置（默认不检查超区）· none</span>}
      {draft.couriers.map((row, index) => (
        <div class="row" key={index} data-testid="courier-row">
          <input
            placeholder="快递 · courier（中通）"
            size={8}
            value={row.courier}
            disabled={!isAdmin}
            onInput={(e) => setRow(index, { courier: e.currentTarget.value })}
          />
          <input
            class="grow"
            placeholder="不派送：西藏、新疆喀什地区 · excluded regions"
            value={row.excluded}
            disabled={!isAdmin}
            onInput={(e) => setRow(index, { excluded: e.currentTarget.value })}
          />
          {isAdmin && (
            <button
              type="button"
              class="link danger"
              onClick={() => edit((old) => ({ ...old, couriers: old.couriers.filter((_, i) => i !== index) }))}
            >
              删除
            </button>
          )}
        </div>
      ))}
      {isAdmin && (
        <button
          type="button"
          class="link"
          data-testid="courier-add"
          onClick={() => edit((old) => ({ ...old, couriers: [...old.couriers, { courier: "", excluded: "" }] }))}
        >
          + 添加快递 · Add courier
        </button>
      )}
    </div>
  );
}
