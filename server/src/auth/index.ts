// The auth feature's public surface: login links, authentication of requests, the plain HTML pages.
export { escapeHtml, page } from "./html.ts";
export { issueLoginLink } from "./login-links.ts";
export { loginMailSubscriber } from "./login-mail.ts";
export { authenticate } from "./middleware.ts";
export {
  eraseLoginLinksOf,
  eraseSessionsOf,
  exportApiTokensOf,
  exportSessionsOf,
  revokeApiTokensOf,
} from "./personal-data.ts";
export { hashToken, newToken } from "./secrets.ts";
