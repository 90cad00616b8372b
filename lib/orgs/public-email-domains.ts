/**
 * Mail providers where anyone can get an address. A joining policy naming one of these would let
 * anyone in the world join the organization, so these are refused as joining domains. The list is
 * short on purpose: the largest providers, where the mistake is likely. It cannot be complete,
 * which is one reason a policy's domains must also be those of an owner's verified address.
 */
export const publicEmailDomains: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.net",
  "gmx.de",
  "web.de",
  "mail.com",
  "yandex.com",
  "yandex.ru",
  "mail.ru",
  "qq.com",
  "163.com",
  "zoho.com",
  "fastmail.com",
]);
