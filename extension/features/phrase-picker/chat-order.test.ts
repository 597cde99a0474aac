import { describe, expect, it } from "vitest";
import { readChatVariables } from "./chat-order.ts";

const CARD = `
<ul><li class="contact-item active"><span class="contact-name">大熊爱吃糖</span></li></ul>
<div id="chat-title">大熊爱吃糖（淘宝买家）</div>
<div id="order-card" data-order-id="4012873365518293744">
  <div><div class="oc-title">南极人加绒连帽卫衣</div><div class="oc-sku">颜色分类：黑色;尺码：L</div></div>
  <div><div class="oc-title">&lt;img src=x onerror=alert(1)&gt;袜子</div><div class="oc-sku">白色</div></div>
  <div class="oc-row"><span class="oc-order-id">订单号 4012873365518293744</span></div>
  <div class="oc-row"><span class="oc-label">实付</span><span>¥129.00</span></div>
  <div class="oc-row"><span>收货人</span><span class="oc-receiver">赵磊 15921873406</span></div>
  <div class="oc-row"><span>地址</span><span class="oc-address">浙江省 杭州市 余杭区 五常街道</span></div>
</div>`;

describe("readChatVariables", () => {
  it("reads the order card of the demo / 千牛 chat page", () => {
    document.body.innerHTML = CARD;
    expect(readChatVariables(document, "http://127.0.0.1:8790/chat/?now=x")).toEqual({
      买家: "大熊爱吃糖",
      订单号: "4012873365518293744",
      商品: "南极人加绒连帽卫衣、<img src=x onerror=alert(1)>袜子",
      规格: "颜色分类：黑色;尺码：L、白色",
      收货人: "赵磊",
      手机: "15921873406",
      收货地址: "浙江省 杭州市 余杭区 五常街道",
      付款金额: "129.00",
    });
  });

  it("gives nothing on other pages or when the card is empty", () => {
    document.body.innerHTML = CARD;
    expect(readChatVariables(document, "https://example.com/chat/")).toEqual({});
    document.body.innerHTML = "<div id='order-card'>该买家暂无订单</div>";
    expect(readChatVariables(document, "http://127.0.0.1:8790/chat/")).toEqual({});
  });
});
