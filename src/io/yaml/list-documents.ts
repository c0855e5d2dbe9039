/** The documents that hold a list of resources rather than one content type: their member, schema and names in messages. */
export const LIST_DOCUMENTS = [
  {
    member: 'propertyGroups',
    schema: 'propertyGroupsDocument',
    rootName: 'The property groups document',
    title: 'Property groups',
    fileName: 'property-groups.yaml',
  },
  {
    member: 'displayTemplates',
    schema: 'displayTemplatesDocument',
    rootName: 'The display templates document',
    title: 'Display templates',
    fileName: 'display-templates.yaml',
  },
] as const;
