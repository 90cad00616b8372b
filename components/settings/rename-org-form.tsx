"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { orgKeys, orgMutations, type Organization } from "@/lib/orgs/queries";

export function RenameOrgForm({ org, organization }: { org: OrgRef; organization: Organization }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { toast } = useToast();
  const [name, setName] = useState(organization.name);
  const [error, setError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: (input: { name: string }) => orgMutations.rename(org, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(orgKeys.organization(org), saved);
      setName(saved.name);
      toast({ title: "Organization renamed", tone: "success" });
      // The sidebar and org switcher are rendered on the server.
      router.refresh();
    },
    onError: (failure) =>
      setError(failure instanceof ApiError ? (failure.fieldErrors().name ?? failure.message) : failure.message),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    mutation.mutate({ name });
  }

  const unchanged = name.trim() === organization.name;

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <CardHeader>
          <CardTitle>General</CardTitle>
          <CardDescription>The name your team sees in the dashboard and in emails.</CardDescription>
        </CardHeader>
        <CardContent>
          <Field label="Organization name" error={error} className="max-w-md">
            <Input
              name="name"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              required
              maxLength={80}
            />
          </Field>
        </CardContent>
        <CardFooter>
          <Button type="submit" loading={mutation.isPending} disabled={unchanged}>
            Save
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
