"use client";

import { useActionState } from "react";
import { acceptInvitationAction, type AcceptInvitationState } from "@/components/invite/actions";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, action] = useActionState<AcceptInvitationState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <Alert tone="danger" title="Could not accept the invitation">
          {state.error}
        </Alert>
      ) : null}
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Accept invitation
      </SubmitButton>
    </form>
  );
}
