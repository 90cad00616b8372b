/** The org a dashboard screen works in; query keys start with its id so orgs never share cache entries. */
export interface OrgRef {
  id: string;
  slug: string;
}
