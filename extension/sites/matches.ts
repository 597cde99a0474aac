/**
 * Where the content script runs: the seller back offices and their web chats, plus loopback for the demo
 * back office that `npm start` serves. A match pattern on 127.0.0.1 matches every port.
 */
export const SELLER_SITE_MATCHES = [
  "*://*.taobao.com/*",
  "*://*.tmall.com/*",
  "*://*.pinduoduo.com/*",
  "*://*.yangkeduo.com/*",
  "*://*.jd.com/*",
  "*://*.jinritemai.com/*",
  "http://127.0.0.1/*",
  "http://localhost/*",
];
