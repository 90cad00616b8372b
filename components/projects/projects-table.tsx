"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { EllipsisIcon, FolderIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { actionsColumn, DataTable, listRows } from "@/components/data/data-table";
import { ProjectFormDialog } from "@/components/projects/project-form-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { useToast } from "@/components/ui/toast";
import type { OrgRef } from "@/lib/client/org";
import { formatDate } from "@/lib/client/format";
import { projectKeys, projectMutations, projectsQuery, type Project } from "@/lib/projects/queries";

type Dialogs = { kind: "create" } | { kind: "edit"; project: Project } | { kind: "delete"; project: Project } | null;

export function ProjectsTable({ org, canWrite }: { org: OrgRef; canWrite: boolean }) {
  const projects = useQuery(projectsQuery(org));
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
      <PageHeader
        title="Projects"
        description="Each event belongs to a project, identified by its key."
        actions={newButton}
      />
      <DataTable<Project>
        caption="Projects"
        columns={[
          { header: "Name", className: "font-medium text-zinc-900", cell: (project) => project.name },
          { header: "Key", className: "font-mono text-xs", cell: (project) => project.key },
          { header: "Id", className: "font-mono text-xs text-zinc-500", cell: (project) => project.id },
          { header: "Created", className: "text-zinc-500", cell: (project) => formatDate(project.createdAt) },
          canWrite &&
            actionsColumn((project) => (
              <DropdownMenu
                label={`Actions for ${project.key}`}
                align="end"
                triggerVariant="ghost"
                triggerSize="sm"
                trigger={<EllipsisIcon />}
              >
                <DropdownMenuItem onSelect={() => setDialog({ kind: "edit", project })}>Edit</DropdownMenuItem>
                <DropdownMenuItem tone="danger" onSelect={() => setDialog({ kind: "delete", project })}>
                  Delete
                </DropdownMenuItem>
              </DropdownMenu>
            )),
        ]}
        {...listRows(projects)}
        errorTitle="Could not load projects"
        empty={
          <EmptyState
            bordered
            icon={<FolderIcon className="size-5" />}
            title="No projects yet"
            description="Create a project for each codebase or product that publishes events."
            action={newButton}
          />
        }
      />

      {dialog?.kind === "create" || dialog?.kind === "edit" ? (
        <ProjectFormDialog
          org={org}
          project={dialog.kind === "edit" ? dialog.project : undefined}
          open
          onClose={() => setDialog(null)}
        />
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
