"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ProbeResultView } from "@/components/deliveries/probe-result";
import { deliveryMutations, type TestWebhookInput } from "@/components/deliveries/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormSection } from "@/components/webhooks/form/form-section";
import { fieldLabel, toFormErrors, toTestInput, type FormErrors, type WebhookFormState } from "@/components/webhooks/form/form-state";
import { ApiError } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";

/** Which write-only values the saved webhook has; the browser never holds them, so a test cannot reuse them. */
export interface StoredCredentials {
  secretSet: boolean;
  tokenSet: boolean;
  basicAuthSet: boolean;
}

function storedNotUsed(state: WebhookFormState, stored: StoredCredentials): string[] {
  const missing: string[] = [];
  if (stored.secretSet && !state.secret && !state.clearSecret) missing.push("signing secret");
  if (stored.tokenSet && !state.token && !state.clearToken) missing.push("token");
  if (stored.basicAuthSet && !state.url.includes("@")) missing.push("Basic auth credentials");
  return missing;
}

function Problems({ errors }: { errors: FormErrors }) {
  return (
    <Alert tone="danger" title="Not sent: fix these first">
      <ul className="list-disc pl-4">
        {Object.entries(errors).map(([field, message]) => (
          <li key={field}>{field === "form" ? message : `${fieldLabel(field)}: ${message}`}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** CodeScoring's "Test it": the `test` trigger with an empty payload to the URL as typed, before anything is saved. */
export function TestIt({ org, state, stored }: { org: OrgRef; state: WebhookFormState; stored?: StoredCredentials }) {
  const [problems, setProblems] = useState<FormErrors | null>(null);
  const test = useMutation({
    mutationFn: (input: TestWebhookInput) => deliveryMutations.testUrl(org, input),
    onError: (error) => setProblems(error instanceof ApiError && error.status === 422 ? toFormErrors(error.fieldErrors()) : { form: error.message }),
  });
  const missing = stored ? storedNotUsed(state, stored) : [];

  function run() {
    const { input, errors } = toTestInput(state);
    setProblems(errors);
    test.reset();
    if (input) test.mutate(input);
  }

  return (
    <FormSection
      id="test-it"
      title="Test it"
      description="Sends the test trigger with an empty payload to the URL above, in the chosen format, signed with what is typed in this form. Nothing is saved or recorded."
    >
      {missing.length > 0 ? (
        <p className="text-xs text-zinc-500">
          The saved {missing.join(", ")} {missing.length === 1 ? "is" : "are"} not used: type {missing.length === 1 ? "it" : "them"} again to include {missing.length === 1 ? "it" : "them"}, or
          use Send test event on the webhook&apos;s page to test the saved settings.
        </p>
      ) : null}
      <div aria-live="polite" className="grid gap-3 empty:hidden">
        {problems && Object.keys(problems).length > 0 ? <Problems errors={problems} /> : null}
        {test.data ? <ProbeResultView result={test.data} /> : null}
      </div>
      <div>
        <Button type="button" variant="secondary" loading={test.isPending} onClick={run}>
          Test it
        </Button>
      </div>
    </FormSection>
  );
}
