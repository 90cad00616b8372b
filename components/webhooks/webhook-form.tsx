"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, type FieldErrors } from "react-hook-form";
import { Button, buttonClassName } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useToast } from "@/components/ui/toast";
import { BasicsSection } from "@/components/webhooks/form/basics-section";
import { DeliverySection } from "@/components/webhooks/form/delivery-section";
import { ErrorSummary, type SummaryEntry } from "@/components/webhooks/form/error-summary";
import { FollowUpsSection } from "@/components/webhooks/form/follow-ups-section";
import { FormatSection } from "@/components/webhooks/form/format-section";
import { useWebhookFormMethods, type WebhookFieldPath } from "@/components/webhooks/form/form-context";
import {
  fieldLabel,
  inFormOrder,
  newWebhookValues,
  serverProblems,
  webhookValues,
  type WebhookFormValues,
} from "@/components/webhooks/form/form-schema";
import { HeadersSection } from "@/components/webhooks/form/headers-section";
import { OwnershipSection } from "@/components/webhooks/form/ownership-section";
import { PayloadSection } from "@/components/webhooks/form/payload-section";
import { ScopeSection } from "@/components/webhooks/form/scope-section";
import { SecuritySection } from "@/components/webhooks/form/security-section";
import { TestIt } from "@/components/webhooks/form/test-it";
import { TriggersSection } from "@/components/webhooks/form/triggers-section";
import { ApiError } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { eventTypesQuery } from "@/lib/event-types/queries";
import { membersQuery } from "@/lib/orgs/queries";
import { portfoliosQuery } from "@/lib/portfolios/queries";
import { projectsQuery } from "@/lib/projects/queries";
import { webhookKeys, webhookMutations, type Webhook, type WebhookInput } from "@/lib/webhooks/queries";

const notSaved = "The webhook was not saved. Fix these and try again:";

/** Every message in react-hook-form's nested errors, by path ("headers.0.name"), except the form-wide `root.server`. */
function summaryEntries(errors: FieldErrors<WebhookFormValues>, values: WebhookFormValues): SummaryEntry[] {
  const entries: SummaryEntry[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const { message, type } = node as { message?: unknown; type?: unknown };
    if (typeof message === "string" && type !== undefined) {
      if (message && path !== "root.server") entries.push({ path, message, label: fieldLabel(path, values) });
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== "ref") walk(child, path ? `${path}.${key}` : key);
  };
  walk(errors, "");
  return inFormOrder(entries);
}

/**
 * Creates a webhook, or replaces every setting of `webhook` (PUT); secrets are sent only when changed.
 * The browser checks the settings with the API's own schema before sending; what only the server can
 * check (addresses, references) comes back in the 422 and lands on the same fields, so one failed
 * save lists every problem.
 */
export function WebhookForm({ org, webhook }: { org: OrgRef; webhook?: Webhook }) {
  const form = useWebhookFormMethods(webhook ? webhookValues(webhook) : newWebhookValues());
  const { errors } = form.formState;
  // Each failed save moves focus to the summary again, even when the problems are the same.
  const [attempt, setAttempt] = useState(0);
  const projects = useQuery(projectsQuery(org)).data?.data ?? [];
  const portfolios = useQuery(portfoliosQuery(org)).data?.data ?? [];
  const catalog = useQuery(eventTypesQuery(org)).data?.data;
  const members = useQuery(membersQuery(org)).data?.data ?? [];
  const queryClient = useQueryClient();
  const router = useRouter();
  const { toast } = useToast();

  // A Standard Webhooks webhook created without a secret gets a generated one, answered this once.
  const [generated, setGenerated] = useState<{ id: string; secret: string } | null>(null);
  const save = useMutation({
    mutationFn: (input: WebhookInput): Promise<Webhook & { secret?: string }> =>
      webhook ? webhookMutations.replace(org, webhook.id, input) : webhookMutations.create(org, input),
    onSuccess: async ({ secret, ...saved }) => {
      queryClient.setQueryData(webhookKeys.detail(org, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all(org) });
      toast({ title: webhook ? "Webhook saved" : `Webhook ${saved.name} created`, tone: "success" });
      if (secret) setGenerated({ id: saved.id, secret });
      else router.push(`/${org.slug}/webhooks/${saved.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const problems = serverProblems(error, form.getValues());
        for (const [path, message] of Object.entries(problems))
          form.setError(path as WebhookFieldPath | `root.${string}`, { type: "server", message });
        if (error.status !== 422 || Object.keys(problems).length === 0)
          form.setError("root.server", { type: "server", message: error.message });
      } else {
        form.setError("root.server", { type: "server", message: "Something went wrong. Try again." });
      }
      setAttempt((count) => count + 1);
    },
  });

  const submit = form.handleSubmit(
    (input) => save.mutate(input),
    () => setAttempt((count) => count + 1),
  );
  const entries = summaryEntries(errors, form.getValues());
  const summaryTitle = errors.root?.server?.message ?? notSaved;

  const cancelHref = webhook ? `/${org.slug}/webhooks/${webhook.id}` : `/${org.slug}/webhooks`;
  return (
    <>
      <Dialog
        open={generated !== null}
        onClose={() => generated && router.push(`/${org.slug}/webhooks/${generated.id}`)}
        size="lg"
        title="Signing secret generated"
        description="The hub signs every request to this webhook with this secret (Standard Webhooks). Give it to the receiver; it verifies each request with it."
        footer={
          <Button onClick={() => generated && router.push(`/${org.slug}/webhooks/${generated.id}`)}>
            Continue to the webhook
          </Button>
        }
      >
        {generated ? <SecretReveal label="Your signing secret" value={generated.secret} /> : null}
      </Dialog>
      <FormProvider {...form}>
        <form
          onSubmit={submit}
          noValidate
          className="grid grid-cols-1 gap-6"
          aria-label={webhook ? "Edit webhook" : "New webhook"}
        >
          {attempt > 0 && (entries.length > 0 || errors.root?.server) ? (
            <ErrorSummary title={summaryTitle} entries={entries} attempt={attempt} />
          ) : null}
          <BasicsSection basicAuthSet={webhook?.basicAuthSet ?? false} />
          <FormatSection />
          <ScopeSection projects={projects} portfolios={portfolios} />
          <TriggersSection catalog={catalog} />
          <SecuritySection
            secretSet={webhook?.secretSet ?? false}
            tokenSet={webhook?.tokenSet ?? false}
            creating={!webhook}
          />
          <HeadersSection secretHeaderNames={webhook?.secretHeaderNames ?? []} />
          <PayloadSection />
          <FollowUpsSection />
          <DeliverySection />
          <OwnershipSection members={members} />
          <TestIt org={org} stored={webhook} />
          <div className="flex items-center justify-end gap-3">
            <Link href={cancelHref} className={buttonClassName("secondary")}>
              Cancel
            </Link>
            <Button type="submit" loading={save.isPending}>
              {webhook ? "Save changes" : "Create webhook"}
            </Button>
          </div>
        </form>
      </FormProvider>
    </>
  );
}
