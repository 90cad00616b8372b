// Plain-text emails: every client renders them, and they read the same in the outbox page.

export function signInLinkEmail(url: string) {
  return {
    subject: "Sign in to Webhook Hub",
    text: `Use this link to sign in to Webhook Hub:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.\n`,
  };
}

export function invitationEmail(orgName: string, inviterLabel: string, role: string, url: string) {
  return {
    subject: `You're invited to ${orgName} on Webhook Hub`,
    text: `${inviterLabel} invited you to join ${orgName} on Webhook Hub as ${role}.\n\nAccept the invitation:\n${url}\n\nThe invitation expires in 7 days.\n`,
  };
}
