// Input box 3: a real Preact controlled input. `value` is bound to state and only `onInput` changes it, so
// a value written straight into the DOM (input.value = ...) without an input event is not seen: the next
// render (on blur, or any state change) puts the state back, and sending uses the state, not the DOM.
import { h, render } from "preact";
import { useReducer, useState } from "preact/hooks";

function ControlledInput() {
  const [value, setValue] = useState("");
  const [, rerender] = useReducer((n) => n + 1, 0);
  const send = () => {
    if (window.kefuDemoChat?.send(value, "preact")) setValue("");
  };
  return h(
    "div",
    { class: "chat-input-row", style: "grid-template-rows:auto auto" },
    h("label", { for: "chat-input-preact" }, "输入框 3：Preact 受控输入"),
    h("input", {
      id: "chat-input-preact",
      class: "chat-preact-input",
      "data-testid": "controlled-input",
      placeholder: "受控输入：value 绑定状态",
      value,
      onInput: (e) => setValue(e.currentTarget.value),
      onBlur: rerender,
      onKeyDown: (e) => {
        if (e.key === "Enter" && !e.isComposing) send();
      },
    }),
    h("button", { type: "button", class: "chat-send", id: "send-preact", onClick: send }, "发送"),
    h(
      "div",
      { class: "controlled-state" },
      "框架状态 state：",
      h("code", { "data-testid": "controlled-state" }, value),
    ),
  );
}

const mount = document.getElementById("preact-input-root");
mount.removeAttribute("class");
render(h(ControlledInput, null), mount);
