"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { ReactNode } from "react";
import {
  FormProvider,
  get,
  useController,
  useForm,
  useFormContext,
  useFormState,
  type FieldErrors,
  type FieldPath,
} from "react-hook-form";
import { Checkbox, type CheckboxProps } from "@/components/ui/checkbox";
import { Field, type FieldControlProps, type FieldProps } from "@/components/ui/field";
import { fieldId, webhookForm, type WebhookFormValues } from "@/components/webhooks/form/form-schema";
import type { WebhookInput } from "@/lib/webhooks/queries";

export type WebhookFieldPath = FieldPath<WebhookFormValues>;

/**
 * The webhook form's state: react-hook-form, validated by the API's own schema (`webhookForm`).
 * Problems show once a save is tried, then follow each field as it changes. Focus goes to the
 * error summary, not to the first field, so every problem is read out first (shouldFocusError).
 */
export function useWebhookFormMethods(defaultValues: WebhookFormValues) {
  return useForm<WebhookFormValues, unknown, WebhookInput>({
    defaultValues,
    resolver: zodResolver(webhookForm),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
}

/** The form's sections outside WebhookForm (tests, previews): the same state, nothing to submit. */
export function WebhookFormProvider({
  defaultValues,
  children,
}: {
  defaultValues: WebhookFormValues;
  children?: ReactNode;
}) {
  return <FormProvider {...useWebhookFormMethods(defaultValues)}>{children}</FormProvider>;
}

export function messageAt(errors: FieldErrors<WebhookFormValues>, path: string): string | undefined {
  const message = (get(errors, path) as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && message !== "" ? message : undefined;
}

/** The form's methods in a section, and the message (if any) at a field path. */
export function useWebhookForm() {
  const form = useFormContext<WebhookFormValues, unknown, WebhookInput>();
  const { errors, isSubmitted } = useFormState({ control: form.control });
  return { ...form, isSubmitted, error: (path: string) => messageAt(errors, path) };
}

type FormFieldProps<Name extends WebhookFieldPath> = Omit<FieldProps, "children" | "error" | "id"> & {
  name: Name;
  children: (
    control: ReturnType<typeof useController<WebhookFormValues, Name>>["field"] & FieldControlProps,
  ) => ReactNode;
};

/** A labelled field bound to the form: its value, its message, and the id the error summary links to. */
export function FormField<Name extends WebhookFieldPath>({ name, children, ...props }: FormFieldProps<Name>) {
  const { field, fieldState } = useController<WebhookFormValues, Name>({ name });
  return (
    <Field {...props} id={fieldId(name)} error={fieldState.error?.message}>
      {(control) => children({ ...field, ...control })}
    </Field>
  );
}

type BooleanPath = {
  [Name in WebhookFieldPath]: WebhookFormValues[Name & keyof WebhookFormValues] extends boolean ? Name : never;
}[WebhookFieldPath];

/** A checkbox bound to a true/false setting. */
export function FormCheckbox({
  name,
  ...props
}: Omit<CheckboxProps, "name" | "checked" | "onChange" | "id"> & { name: BooleanPath }) {
  const {
    field: { ref, value, onChange, onBlur },
  } = useController<WebhookFormValues, BooleanPath>({ name });
  return (
    <Checkbox
      {...props}
      id={fieldId(name)}
      name={name}
      ref={ref}
      checked={Boolean(value)}
      onChange={(event) => onChange(event.target.checked)}
      onBlur={onBlur}
    />
  );
}
