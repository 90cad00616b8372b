"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useToast } from "@/components/ui/toast";
import { BasicsSection } from "@/components/webhooks/form/basics-section";
import { DeliverySection } from "@/components/webhooks/form/delivery-section";
import { ErrorSummary } from "@/components/webhooks/form/error-summary";
import { FollowUpsSection } from "@/components/webhooks/form/follow-ups-section";
import { FormatSection } from "@/components/webhooks/form/format-section";
import { newWebhookState, toFormErrors, toInput, webhookState, type FormErrors, type WebhookFormState } from "@/components/webhooks/form/form-state";
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

type Problem = { message: string; errors: FormErrors } | null;

/** Creates a webhook, or replaces every setting of `webhook` (PUT); secrets are sent only when changed. */
export function WebhookForm({ org, webhook }: { org: OrgRef; webhook?: Webhook }) {
  const [state, setState] = useState<WebhookFormState>(() => (webhook ? webhookState(webhook) : newWebhookState()));
  const [problem, setProblem] = useState<Problem>(null);
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
    mutationFn: (input: WebhookInput): Promise<Webhook & { secret?: string }> => (webhook ? webhookMutations.replace(org, webhook.id, input) : webhookMutations.create(org, input)),
    onSuccess: async ({ secret, ...saved }) => {
      queryClient.setQueryData(webhookKeys.detail(org, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all(org) });
      toast({ title: webhook ? "Webhook saved" : `Webhook ${saved.name} created`, tone: "success" });
      if (secret) setGenerated({ id: saved.id, secret });
      else router.push(`/${org.slug}/webhooks/${saved.id}`);
    },
    onError: (error) =>
      setProblem(
        error instanceof ApiError
          ? { message: error.status === 422 ? "The webhook was not saved. Fix these and try again:" : error.message, errors: toFormErrors(error.fieldErrors()) }
          : { message: "Something went wrong. Try again.", errors: {} },
      ),
  });

  const update = (patch: Partial<WebhookFormState>) => setState((current) => ({ ...current, ...patch }));
  const errors = problem?.errors ?? {};
  const section = { state, update, errors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = toInput(state);
    if (result.errors) {
      setProblem({ message: "Some values need fixing before saving:", errors: result.errors });
      return;
    }
    setProblem(null);
    save.mutate(result.input);
  }

  const cancelHref = webhook ? `/${org.slug}/webhooks/${webhook.id}` : `/${org.slug}/webhooks`;
  return (
    <>
    <Dialog
      open={generated !== null}
      onClose={() => generated && router.push(`/${org.slug}/webhooks/${generated.id}`)}
      size="lg"
      title="Signing secret generated"
      description="The hub signs every request to this webhook with this secret (Standard Webhooks). Give it to the receiver; it verifies each request with it."
      footer={<Button onClick={() => generated && router.push(`/${org.slug}/webhooks/${generated.id}`)}>Continue to the webhook</Button>}
    >
      {generated ? <SecretReveal label="Your signing secret" value={generated.secret} /> : null}
    </Dialog>
    <form onSubmit={submit} noValidate className="grid gap-6" aria-label={webhook ? "Edit webhook" : "New webhook"}>
      {problem ? <ErrorSummary message={problem.message} errors={problem.errors} /> : null}
      <BasicsSection {...section} basicAuthSet={webhook?.basicAuthSet ?? false} />
      <FormatSection {...section} />
      <ScopeSection {...section} projects={projects} portfolios={portfolios} />
      <TriggersSection {...section} catalog={catalog} />
      <SecuritySection {...section} secretSet={webhook?.secretSet ?? false} tokenSet={webhook?.tokenSet ?? false} creating={!webhook} />
      <HeadersSection {...section} />
      <PayloadSection {...section} />
      <FollowUpsSection {...section} />
      <DeliverySection {...section} />
      <OwnershipSection {...section} members={members} />
      <TestIt org={org} state={state} stored={webhook} />
      <div className="flex items-center justify-end gap-3">
        <Link href={cancelHref} className={buttonClassName("secondary")}>
          Cancel
        </Link>
        <Button type="submit" loading={save.isPending}>
          {webhook ? "Save changes" : "Create webhook"}
        </Button>
      </div>
    </form>
    </>
  );
}
