// The chat feature's public surface: people's linked chat accounts and tables' chat channels.
export {
  type ChatPerson,
  chatAccountLocale,
  chatAccountsOf,
  eraseChatAccountsOf,
  findChatPerson,
  forgetWorkspace,
  linkChatAccount,
  linkChatAccountByEmail,
  relinkChatAccount,
} from "./accounts.ts";
export { channelsOfTable, tableOfChannel } from "./channels.ts";
export { type ChatAccountDoc, ensureChatIndexes, type TableChannelDoc } from "./documents.ts";
export { linkTableChannel, unlinkTableChannel } from "./link-channel.ts";
