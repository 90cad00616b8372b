"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { ProbeResultView } from "@/components/deliveries/probe-result";
import { deliveryMutations, type TestWebhookInput } from "@/components/deliveries/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormSection } from "@/components/webhooks/form/form-section";
import {
  checkTestInput,
  fieldLabel,
  inFormOrder,
  serverProblems,
  type FormProblems,
  type WebhookFormValues,
} from "@/components/webhooks/form/form-schema";
import { ApiError } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";

/** Which write-only values the saved webhook has; the browser never holds them, so a test cannot reuse them. */
export interface StoredCredentials {
  secretSet: boolean;
  tokenSet: boolean;
  basicAuthSet: boolean;
}

type Typed = Pick<WebhookFormValues, "secret" | "clearSecret" | "token" | "clearToken" | "url">;

function storedNotUsed(typed: Typed, stored: StoredCredentials): string[] {
  const missing: string[] = [];
  if (stored.secretSet && !typed.secret && !typed.clearSecret) missing.push("signing secret");
  if (stored.tokenSet && !typed.token && !typed.clearToken) missing.push("token");
  if (stored.basicAuthSet && !typed.url.includes("@")) missing.push("Basic auth credentials");
  return missing;
}

function Problems({ problems, values }: { problems: FormProblems; values: WebhookFormValues }) {
  const entries = inFormOrder(
    Object.entries(problems).map(([path, message]) => ({ path, message, label: fieldLabel(path, values) })),
  );
  return (
    <Alert tone="danger" title="Not sent: fix these first">
      <ul className="list-disc pl-4">
        {entries.map(({ path, message, label }) => (
          <li key={path}>{label === null ? message : `${label}: ${message}`}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** A Standard Webhooks secret for this form's tests only: `whsec_` and 24 random bytes in base64, as the hub generates. */
function newPreviewSecret(): string {
  return `whsec_${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(24))))}`;
}

function PreviewSecretNote({ secret }: { secret: string }) {
  return (
    <p className="text-xs text-zinc-600">
      No signing secret is typed, so this test was signed with a preview secret,{" "}
      <code className="font-mono break-all text-zinc-800">{secret}</code>. Saving generates the webhook&apos;s own
      secret and shows it once; a receiver that checks signatures refuses this test unless it uses the preview secret.
      To test your receiver&apos;s check, type its secret under Security.
    </p>
  );
}

/** CodeScoring's "Test it": the `test` trigger with an empty payload to the URL as typed, before anything is saved. */
export function TestIt({ org, stored }: { org: OrgRef; stored?: StoredCredentials }) {
  const { getValues } = useFormContext<WebhookFormValues>();
  const [secret, clearSecret, token, clearToken, url] = useWatch<
    WebhookFormValues,
    ["secret", "clearSecret", "token", "clearToken", "url"]
  >({
    name: ["secret", "clearSecret", "token", "clearToken", "url"],
  });
  const [problems, setProblems] = useState<{ problems: FormProblems; values: WebhookFormValues } | null>(null);
  const [previewSecret] = useState(newPreviewSecret);
  const [usedPreview, setUsedPreview] = useState(false);
  const test = useMutation({
    mutationFn: (input: TestWebhookInput) => deliveryMutations.testUrl(org, input),
    onError: (error) => {
      const values = getValues();
      setProblems({
        values,
        problems:
          error instanceof ApiError && error.status === 422
            ? serverProblems(error, values)
            : { "root.form": error.message },
      });
    },
  });
  const missing = stored ? storedNotUsed({ secret, clearSecret, token, clearToken, url }, stored) : [];

  // Checked here first by the API's own schema; the server checks again, and says what it finds.
  function run() {
    const values = getValues();
    const checked = checkTestInput(values, previewSecret);
    setProblems(checked.problems ? { problems: checked.problems, values } : null);
    test.reset();
    if (checked.input) {
      setUsedPreview(checked.preview);
      test.mutate(checked.input);
    }
  }

  return (
    <FormSection
      id="test-it"
      title="Test it"
      description="Sends the test trigger with an empty payload to the URL above, in the chosen format, signed with what is typed in this form (or a preview secret when Standard Webhooks has none typed). Nothing is saved or recorded."
    >
      {missing.length > 0 ? (
        <p className="text-xs text-zinc-500">
          The saved {missing.join(", ")} {missing.length === 1 ? "is" : "are"} not used: type{" "}
          {missing.length === 1 ? "it" : "them"} again to include {missing.length === 1 ? "it" : "them"}, or use Send
          test event on the webhook&apos;s page to test the saved settings.
        </p>
      ) : null}
      <div aria-live="polite" className="grid gap-3 empty:hidden">
        {problems && Object.keys(problems.problems).length > 0 ? <Problems {...problems} /> : null}
        {test.data ? <ProbeResultView result={test.data} /> : null}
        {test.data && usedPreview ? <PreviewSecretNote secret={previewSecret} /> : null}
      </div>
      <div>
        <Button type="button" variant="secondary" loading={test.isPending} onClick={run}>
          Test it
        </Button>
      </div>
    </FormSection>
  );
}
