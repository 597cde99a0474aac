/** Product version, shared by the Worker (/health) and the extension (popup footer). */
export const KEFU_VERSION = "0.1.0";
