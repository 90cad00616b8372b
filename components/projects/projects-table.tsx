"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { EllipsisIcon, FolderIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { ProjectFormDialog } from "@/components/projects/project-form-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ActionsTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { ResourceList } from "@/components/data/resource-list";
import type { OrgRef } from "@/lib/client/org";
import { formatDate } from "@/lib/client/format";
import { projectKeys, projectMutations, projectsQuery, type Project } from "@/lib/projects/queries";

type Dialogs = { kind: "create" } | { kind: "edit"; project: Project } | { kind: "delete"; project: Project } | null;

export function ProjectsTable({ org, canWrite }: { org: OrgRef; canWrite: boolean }) {
  const { data, isPending, error } = useQuery(projectsQuery(org));
  const [dialog, setDialog] = useState<Dialogs>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const remove = useMutation({
    mutationFn: (project: Project) => projectMutations.remove(org, project.id),
    onSuccess: async (_, project) => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.all(org) });
      toast({ title: `Project ${project.key} deleted`, tone: "success" });
      setDialog(null);
    },
    onError: (failure) => toast({ title: "Could not delete the project", description: failure.message, tone: "error" }),
  });

  const newButton = canWrite ? (
    <Button onClick={() => setDialog({ kind: "create" })}>
      <PlusIcon /> New project
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title="Projects" description="Each event belongs to a project, identified by its key." actions={newButton} />
      <ResourceList
        isPending={isPending}
        error={error}
        data={data}
        isEmpty={(page) => page.data.length === 0}
        errorTitle="Could not load projects"
        skeletonLines={4}
        empty={
          <EmptyState
                bordered
                icon={<FolderIcon className="size-5" />}
                title="No projects yet"
                description="Create a project for each codebase or product that publishes events."
                action={newButton}
              />
        }
      >
        {(page) => (
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Key</TH>
                <TH>Id</TH>
                <TH>Created</TH>
                {canWrite ? <ActionsTH /> : null}
              </TR>
            </THead>
            <TBody>
              {page.data.map((project) => (
                <TR key={project.id}>
                  <TD className="font-medium text-zinc-900">{project.name}</TD>
                  <TD className="font-mono text-xs">{project.key}</TD>
                  <TD className="font-mono text-xs text-zinc-500">{project.id}</TD>
                  <TD className="text-zinc-500">{formatDate(project.createdAt)}</TD>
                  {canWrite ? (
                    <TD>
                      <DropdownMenu label={`Actions for ${project.key}`} align="end" triggerVariant="ghost" triggerSize="sm" trigger={<EllipsisIcon />}>
                        <DropdownMenuItem onClick={() => setDialog({ kind: "edit", project })}>Edit</DropdownMenuItem>
                        <DropdownMenuItem tone="danger" onClick={() => setDialog({ kind: "delete", project })}>
                          Delete
                        </DropdownMenuItem>
                      </DropdownMenu>
                    </TD>
                  ) : null}
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </ResourceList>

      {dialog?.kind === "create" || dialog?.kind === "edit" ? (
        <ProjectFormDialog org={org} project={dialog.kind === "edit" ? dialog.project : undefined} open onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "delete" ? (
        <ConfirmDialog
          open
          tone="danger"
          title={`Delete ${dialog.project.key}?`}
          message="Its project-level webhooks are deleted too. Events already published keep their history."
          confirmLabel="Delete project"
          pending={remove.isPending}
          onClose={() => setDialog(null)}
          onConfirm={() => remove.mutateAsync(dialog.project).catch(() => undefined)}
        />
      ) : null}
    </>
  );
}
