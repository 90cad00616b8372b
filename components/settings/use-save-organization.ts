"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/ui/toast";
import type { OrgRef } from "@/lib/client/org";
import { orgMutations, orgKeys, type Organization } from "@/lib/orgs/queries";

/**
 * Saves a part of the organization from a Settings card: the cached organization becomes the
 * answer, the card resets to it (`onSaved`) and a toast names what was saved; a refusal goes to
 * `onError`, for the card to show beside its fields.
 */
export function useSaveOrganization(
  org: OrgRef,
  {
    savedTitle,
    onSaved,
    onError,
  }: { savedTitle: string; onSaved: (saved: Organization) => void; onError: (failure: Error) => void },
) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationFn: (input: Parameters<typeof orgMutations.update>[1]) => orgMutations.update(org, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(orgKeys.organization(org), saved);
      onSaved(saved);
      toast({ title: savedTitle, tone: "success" });
    },
    onError,
  });
}
