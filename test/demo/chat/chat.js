// 千牛-like chat workbench: contacts, history, an order card for the current buyer, and the send path the
// four input boxes share (`window.kefuDemoChat.send`, also reached from the iframe by postMessage).
import { demoNow, h, loadPlatformOrders, showError, withNow, yuan } from "../lib/dom.js";
import { formatDateTime, skuText } from "../lib/orders-core.js";

const MINUTE = 60_000;
const history = document.getElementById("chat-history");
const contactList = document.getElementById("contact-list");
const orderCard = document.getElementById("order-card");
const title = document.getElementById("chat-title");
const state = { contacts: [], orders: [], current: 0 };

function messageEl(message, now) {
  return h(
    "div",
    { class: `msg msg-${message.from}`, "data-source": message.source ?? null },
    h(
      "div",
      {},
      h(
        "div",
        { class: "msg-time" },
        formatDateTime(new Date(now - (message.minutesAgo ?? 0) * MINUTE).toISOString()).slice(11, 16),
        message.source ? h("span", { class: "msg-source" }, `via ${message.source}`) : null,
      ),
      h("div", { class: "msg-bubble msg-text" }, message.text),
    ),
  );
}

function renderOrderCard(orderId) {
  const order = state.orders.find((o) => o.id === orderId);
  if (!order) return orderCard.replaceChildren(h("div", {}, "该买家暂无订单"));
  const row = (label, value, cls) =>
    h("div", { class: "oc-row" }, h("span", { class: "oc-label" }, label), h("span", { class: cls }, value));
  orderCard.replaceChildren(
    h(
      "div",
      { class: "oc-row" },
      h("span", { class: "oc-order-id" }, `订单号 ${order.id}`),
      h("span", { class: "oc-status" }, order.statusText),
    ),
    ...order.items.map((it) =>
      h(
        "div",
        {},
        h("div", { class: "oc-title" }, it.title),
        h("div", { class: "oc-sku" }, skuText(it.skuProps)),
        h("div", {}, `¥${yuan(it.price)} × ${it.quantity}`),
      ),
    ),
    row("实付", `¥${yuan(order.total)}`),
    row("下单", formatDateTime(order.createdAt)),
    row("收货人", `${order.receiver.name} ${order.receiver.phone}`, "oc-receiver"),
    row("地址", order.receiver.address, "oc-address"),
    row("留言", order.buyerMessage || "-", "oc-message"),
    h(
      "a",
      { href: withNow(`/taobao/trade-platform/tp/detail/?bizOrderId=${order.id}`), target: "_blank" },
      "查看订单详情",
    ),
  );
  orderCard.dataset.orderId = order.id;
}

function renderContact(index) {
  state.current = index;
  const contact = state.contacts[index];
  const now = demoNow();
  title.textContent = `${contact.buyer}（淘宝买家）`;
  history.replaceChildren(...contact.messages.map((m) => messageEl(m, now)));
  history.scrollTop = history.scrollHeight;
  for (const [i, li] of [...contactList.children].entries()) li.classList.toggle("active", i === index);
  renderOrderCard(contact.orderId);
}

/** Appends a seller message; `source` names the input box it came from. Empty text is refused. */
function send(text, source) {
  const value = String(text ?? "");
  if (!value.trim()) return false;
  const message = { from: "seller", minutesAgo: 0, text: value, source };
  state.contacts[state.current]?.messages.push(message);
  history.append(messageEl(message, demoNow()));
  history.scrollTop = history.scrollHeight;
  return true;
}
window.kefuDemoChat = { send };
window.addEventListener("message", (event) => {
  if (event.origin !== location.origin || event.data?.type !== "kefu-demo-chat-send") return;
  send(event.data.text, "iframe");
});

const textarea = document.getElementById("chat-input-textarea");
const sendTextarea = () => {
  if (send(textarea.value, "textarea")) textarea.value = "";
};
document.getElementById("send-textarea").addEventListener("click", sendTextarea);
textarea.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    sendTextarea();
  }
});

const editable = document.getElementById("chat-input-editable");
const sendEditable = () => {
  // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the line breaks the agent typed
  if (send(editable.innerText.replace(/\n$/, ""), "contenteditable")) editable.replaceChildren();
};
document.getElementById("send-editable").addEventListener("click", sendEditable);
editable.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    sendEditable();
  }
});

async function main() {
  const response = await fetch("/data/chats.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`会话数据加载失败 HTTP ${response.status}`);
  state.contacts = (await response.json()).contacts;
  state.orders = await loadPlatformOrders("taobao");
  contactList.replaceChildren(
    ...state.contacts.map((c, i) =>
      h(
        "li",
        { class: "contact-item", onclick: () => renderContact(i) },
        h("span", { class: "contact-avatar" }, c.buyer.slice(0, 1)),
        h("span", { class: "contact-name" }, c.buyer),
        c.unread ? h("span", { class: "contact-unread" }, String(c.unread)) : null,
      ),
    ),
  );
  renderContact(0);
}

main().catch((error) => showError(history, error));
