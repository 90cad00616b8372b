// Plain-text emails: every client renders them, and they read the same in the outbox page.

export function signInLinkEmail(url: string) {
  return {
    subject: "Sign in to Webhook Hub",
    text: `Use this link to sign in to Webhook Hub:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.\n`,
  };
}

export function verifyEmailEmail(url: string) {
  return {
    subject: "Verify your email for Webhook Hub",
    text: `Someone, hopefully you, created a Webhook Hub account with this address. Confirm it with this link and the password you chose:\n\n${url}\n\nThe link works once and expires in 24 hours. If it was not you, ignore this email: the account is deleted after 7 days.\n`,
  };
}

export function invitationEmail(orgName: string, inviterLabel: string, role: string, url: string) {
  return {
    subject: `You're invited to ${orgName} on Webhook Hub`,
    text: `${inviterLabel} invited you to join ${orgName} on Webhook Hub as ${role}.\n\nAccept the invitation:\n${url}\n\nThe invitation expires in 7 days.\n`,
  };
}

/** SecurityScorecard's escalation email, word for word, with the rule (webhook) filled in. */
export function failedWebhookEmail(ruleName: string, url: string, httpError: string) {
  return {
    subject: "[Action Required] Failed Webhook Request",
    text:
      `Your webhook requests for the Rule ${ruleName} have failed due to a network or destination server issue. ` +
      "We'll try again the next time a rule is triggered.\n\n" +
      "Please try one of the following:\n" +
      "* Edit the Rule to have the web request sent to a different URL\n" +
      "* Check your service internally or credentials for service availability\n\n" +
      `Details:\nFailed Rule: ${ruleName}\nWebhook URL: ${url}\nHTTP error: ${httpError}\n`,
  };
}

export function webhookDisabledEmail(webhookName: string, url: string, reason: string, manageUrl: string) {
  return {
    subject: `Webhook disabled: ${webhookName}`,
    text:
      `Webhook Hub stopped delivering to the webhook ${webhookName} (${url}).\n\nReason: ${reason}\n\n` +
      `Nothing more is sent to it. When the endpoint works again, refresh its availability: a test event that gets a 2xx enables it again.\n${manageUrl}\n`,
  };
}
