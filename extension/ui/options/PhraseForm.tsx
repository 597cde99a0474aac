import { useState } from "preact/hooks";
import { LIMITS, type PhraseScope } from "../../../shared/phrases/schema.ts";
import { parseTemplate } from "../../../shared/templates/template.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { PERSONAL_GROUP_ID } from "../../store/edits.ts";
import type { LibraryView, PhraseView } from "../../store/view.ts";
import { type FieldRule, maxLengthRule, patternRule, requiredRule, useFieldChecks } from "./field-checks.tsx";
import { PERSONAL_GROUP_LABEL } from "./groups.ts";
import { errorText } from "./useStore.ts";

const CODE = { zh: "快捷编码", en: "quick code" };
const CONTENT = { zh: "短语内容", en: "content" };
const IMAGE_URL = { zh: "图片链接", en: "image URL" };
/** The code as the store saves it (trimmed, a typed leading "/" dropped), so the checks agree with the save. */
const onSavedCode =
  (rule: FieldRule): FieldRule =>
  (value) =>
    rule(value.trim().replace(/^\/+/, ""));
const splitTags = (text: string) => text.split(/[,，\s]+/).filter(Boolean);

/** The shared phrase schema's limits, checked here so the lead sees them at the field, in Chinese. */
const PHRASE_RULES = {
  code: [
    onSavedCode(requiredRule(CODE)),
    onSavedCode(maxLengthRule(CODE, LIMITS.codeLength)),
    onSavedCode(
      patternRule(
        /^[\p{Script=Han}A-Za-z0-9]+$/u,
        "快捷编码只能用汉字、字母和数字 (quick code: Chinese characters, letters and digits only)",
      ),
    ),
  ],
  content: [requiredRule(CONTENT), maxLengthRule(CONTENT, LIMITS.contentLength)],
  imageUrl: [
    maxLengthRule(IMAGE_URL, LIMITS.imageUrlLength),
    patternRule(
      /^https?:\/\/[^\s"'<>]+$/i,
      "图片链接须以 http:// 或 https:// 开头 (image URL must start with http:// or https://)",
    ),
  ],
  tags: [
    (text: string) =>
      splitTags(text).length > LIMITS.tagsPerPhrase
        ? `标签最多 ${LIMITS.tagsPerPhrase} 个 (at most ${LIMITS.tagsPerPhrase} tags)`
        : undefined,
    (text: string) => {
      const long = splitTags(text).find((tag) => tag.length > LIMITS.tagLength);
      return long
        ? `标签「${long}」太长，每个最多 ${LIMITS.tagLength} 个字 (each tag at most ${LIMITS.tagLength} characters)`
        : undefined;
    },
  ],
} satisfies Record<string, FieldRule[]>;

interface Props {
  library: LibraryView;
  /** The phrase being edited, or a partial one for a new phrase. */
  phrase?: PhraseView;
  defaultGroupId: string;
  onDone: () => void;
}

export function PhraseForm({ library, phrase, defaultGroupId, onDone }: Props) {
  const isAdmin = library.me?.role === "admin";
  const [code, setCode] = useState(phrase?.code ?? "");
  const [content, setContent] = useState(phrase?.content ?? "");
  const [imageUrl, setImageUrl] = useState(phrase?.imageUrl ?? "");
  const [tags, setTags] = useState((phrase?.tags ?? []).join(", "));
  const [scope, setScope] = useState<PhraseScope>(phrase?.scope ?? (isAdmin ? "team" : "personal"));
  const [groupId, setGroupId] = useState(
    phrase?.groupId ?? (defaultGroupId || library.groups[0]?.id || PERSONAL_GROUP_ID),
  );
  const [error, setError] = useState("");
  const notes = formNotes(library, phrase?.id, code, content);
  const checks = useFieldChecks(PHRASE_RULES, { code, content, imageUrl, tags });

  async function save(event: Event) {
    event.preventDefault();
    if (!checks.check(event.currentTarget as HTMLFormElement)) return;
    try {
      await askBackground("phrase.save", {
        phrase: {
          // The rev this form was opened on: a teammate's newer save becomes a conflict, not a silent overwrite.
          ...(phrase ? { id: phrase.id, baseRev: phrase.rev } : {}),
          code,
          content,
          imageUrl,
          groupId,
          scope,
          tags: splitTags(tags),
        },
      });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form class="card form-grid" data-testid="phrase-form" noValidate onSubmit={save}>
      <h3>{phrase ? "编辑短语 · Edit phrase" : "新短语 · New phrase"}</h3>
      <div class="row">
        <label>
          快捷编码 · Code
          <input
            data-testid="phrase-code"
            {...checks.field("code")}
            aria-required="true"
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          {checks.error("code")}
        </label>
        <label>
          分组 · Group
          <select data-testid="phrase-group" value={groupId} onChange={(e) => setGroupId(e.currentTarget.value)}>
            {library.groups.map((group) => (
              <option value={group.id} key={group.id}>
                {group.name}
              </option>
            ))}
            <option value={PERSONAL_GROUP_ID}>{PERSONAL_GROUP_LABEL}</option>
          </select>
        </label>
        <label>
          范围 · Scope
          <select
            data-testid="phrase-scope"
            value={scope}
            disabled={!isAdmin || phrase !== undefined}
            title={phrase ? "创建后不能更改范围 · Fixed after creation" : ""}
            onChange={(e) => setScope(e.currentTarget.value as PhraseScope)}
          >
            <option value="team">团队 · Team</option>
            <option value="personal">个人 · Personal</option>
          </select>
        </label>
      </div>
      <label>
        短语内容 · Content
        <textarea
          data-testid="phrase-content"
          rows={5}
          {...checks.field("content")}
          aria-required="true"
          value={content}
          onInput={(e) => setContent(e.currentTarget.value)}
        />
        {checks.error("content")}
      </label>
      <div class="row">
        <label>
          图片链接 · Image URL
          <input
            data-testid="phrase-image"
            {...checks.field("imageUrl")}
            value={imageUrl}
            placeholder="https://…"
            onInput={(e) => setImageUrl(e.currentTarget.value)}
          />
          {checks.error("imageUrl")}
        </label>
        <label>
          标签 · Tags
          <input
            data-testid="phrase-tags"
            {...checks.field("tags")}
            value={tags}
            placeholder="售前, 议价"
            onInput={(e) => setTags(e.currentTarget.value)}
          />
          {checks.error("tags")}
        </label>
      </div>
      {notes.length > 0 && (
        <ul class="warnings" data-testid="phrase-form-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div class="row">
        <span class="status-bad" data-testid="phrase-form-error">
          {error}
        </span>
        <span>
          <button type="button" class="secondary" data-testid="phrase-cancel" onClick={onDone}>
            取消 · Cancel
          </button>{" "}
          <button type="submit" data-testid="phrase-save">
            保存 · Save
          </button>
        </span>
      </div>
    </form>
  );
}

/**
 * What the editor should know before saving, without blocking the save: a quick code another visible phrase
 * already has ("/" + that code then lists both), and template mistakes (an unpaired brace or an unknown
 * variable is inserted as literal text in the chat).
 */
export function formNotes(library: LibraryView, id: string | undefined, code: string, content: string): string[] {
  const notes: string[] = [];
  const wanted = code.trim().toLowerCase();
  const twin = wanted ? library.phrases.find((p) => p.id !== id && p.code.toLowerCase() === wanted) : undefined;
  if (twin) {
    const where = twin.scope === "team" ? "团队" : "个人";
    notes.push(`编码 /${twin.code} 已被另一条${where}短语使用，输入时会同时列出两条 · Code already used`);
  }
  if (content) notes.push(...parseTemplate(content).issues.map((issue) => `${issue}（会原样插入 · inserted as text）`));
  return notes;
}
