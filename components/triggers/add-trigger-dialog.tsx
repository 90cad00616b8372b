"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Dialog, FormDialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { formErrors } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { eventTypeKeys, eventTypeMutations, type EventType, type EventTypeInput } from "@/lib/event-types/queries";
import { FormError } from "@/components/ui/form-error";

/** "" → null; otherwise a JSON object, or a message for the field. */
function jsonObject(text: string): { value: Record<string, unknown> | null; error?: string } {
  if (!text.trim()) return { value: null };
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return { value: value as Record<string, unknown> };
    return { value: null, error: "Enter a JSON object, starting with {." };
  } catch (error) {
    return { value: null, error: `Not valid JSON: ${error instanceof Error ? error.message : "syntax error"}.` };
  }
}

/** The API names the place inside the schema (`schema.properties.code.pattern`); the form has one field for the schema. */
function foldSchemaErrors(errors: Record<string, string>): Record<string, string> {
  const folded: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith("schema.")) folded.schema ??= `${path.slice("schema.".length)}: ${message}`;
    else folded[path] = message;
  }
  return folded;
}

const json = (value: Record<string, unknown> | null | undefined) => (value ? JSON.stringify(value, null, 2) : "");

/** Adds a custom trigger, or changes one (`editing`): its name then stays, since webhooks subscribe by it. */
export function AddTriggerDialog({
  org,
  open,
  onClose,
  editing,
}: {
  org: OrgRef;
  open: boolean;
  onClose: () => void;
  editing?: EventType;
}) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: ({ name, ...input }: EventTypeInput) =>
      editing
        ? eventTypeMutations.update(org, editing.name, input)
        : eventTypeMutations.create(org, { name, ...input }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: eventTypeKeys.all(org) });
      toast({ title: editing ? `Trigger ${saved.name} saved` : `Trigger ${saved.name} added`, tone: "success" });
      onClose();
    },
    onError: (error) => setErrors(foldSchemaErrors(formErrors(error))),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const schema = jsonObject(String(form.get("schema") ?? ""));
    const example = jsonObject(String(form.get("examplePayload") ?? ""));
    const local = {
      ...(schema.error ? { schema: schema.error } : {}),
      ...(example.error ? { examplePayload: example.error } : {}),
    };
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    create.mutate({
      name: editing?.name ?? String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      schema: schema.value,
      examplePayload: example.value,
    });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={editing ? `Edit ${editing.name}` : "Add trigger"}
      description={
        editing
          ? "Its description, schema and example payload. The name stays: webhooks subscribe by it."
          : "A custom trigger your own producers publish. Webhooks can then subscribe to it."
      }
      footer={
        <FormDialogFooter
          formId="add-trigger-form"
          submitLabel={editing ? "Save trigger" : "Add trigger"}
          pending={create.isPending}
          onCancel={onClose}
        />
      }
    >
      <form id="add-trigger-form" onSubmit={submit} className="space-y-4" noValidate>
        <Field
          label="Name"
          required
          error={errors.name}
          hint="Lowercase letters, digits, '_', '.', ':' or '-', e.g. deploy.finished."
        >
          <Input
            name="name"
            required
            disabled={Boolean(editing)}
            defaultValue={editing?.name}
            className="font-mono"
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field label="Description" optional error={errors.description}>
          <Input name="description" maxLength={500} defaultValue={editing?.description} />
        </Field>
        <Field
          label="JSON Schema"
          optional
          error={errors.schema}
          hint="Draft 2020-12, self-contained ($ref only to #/$defs/…, no cycles), up to 64 KB; patterns in RE2 syntax. Events published with this trigger are checked against it."
        >
          <Textarea
            name="schema"
            rows={5}
            defaultValue={json(editing?.schema)}
            className="font-mono text-xs"
            spellCheck={false}
            placeholder={'{ "type": "object", "properties": { … } }'}
          />
        </Field>
        <Field label="Example payload" optional error={errors.examplePayload}>
          <Textarea
            name="examplePayload"
            rows={4}
            defaultValue={json(editing?.examplePayload)}
            className="font-mono text-xs"
            spellCheck={false}
            placeholder={'{ "environment": "production" }'}
          />
        </Field>
        <FormError message={errors.form} />
      </form>
    </Dialog>
  );
}
